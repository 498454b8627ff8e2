import { For, Show } from "solid-js";
import { fullTime } from "../../lib/relative-time";
import { Icon } from "../../ui/icon";
import { appLinkIn, findLinks } from "./find-links";
import type { OutboxMail } from "./list-outbox";

/**
 * One mail: its HTML drawn in a sandboxed frame (no scripts, no same-origin access, no
 * navigation of this page), and its text with the addresses as links, which is where the
 * confirmation and reset links are followed from.
 */
export function MailPreview(props: { mail: OutboxMail }) {
  const appLink = () => appLinkIn(props.mail.text, window.location.origin);
  return (
    <article class="mail" aria-labelledby="mail-subject" data-testid="mail-preview">
      <header class="mail__head">
        <h2 class="mail__subject" id="mail-subject">
          {props.mail.subject}
        </h2>
        <p class="mail__meta">
          To <strong>{props.mail.to_address}</strong>
          <Show when={props.mail.created_at}>{(at) => <> · {fullTime(at())}</>}</Show>
        </p>
        <Show when={appLink()}>
          {(href) => (
            <a class="button button--primary" href={href()} data-testid="mail-open-link">
              <Icon name="external" size={16} />
              Open link
            </a>
          )}
        </Show>
      </header>
      <iframe
        class="mail__html"
        title={`HTML version of “${props.mail.subject}”`}
        sandbox=""
        referrerpolicy="no-referrer"
        srcdoc={props.mail.html}
      />
      <section class="mail__text" aria-label="Text version">
        <h3 class="section-title">Text version</h3>
        <pre data-testid="mail-text">
          <For each={findLinks(props.mail.text)}>
            {(piece) => (piece.href ? <a href={piece.href}>{piece.text}</a> : piece.text)}
          </For>
        </pre>
      </section>
    </article>
  );
}
