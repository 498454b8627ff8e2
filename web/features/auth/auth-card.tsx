import { createUniqueId, type JSX, type ParentProps, Show } from "solid-js";
import { useDocumentTitle } from "../../lib/use-document-title";

/** The one card every sign-in, sign-up and email-link page is drawn in. */
export function AuthCard(props: ParentProps<{ title: string; subtitle?: JSX.Element; footer?: JSX.Element }>) {
  const titleId = createUniqueId();
  useDocumentTitle(() => props.title);
  return (
    <section class="auth-card" aria-labelledby={titleId}>
      <h1 class="auth-card__title" id={titleId}>
        {props.title}
      </h1>
      <Show when={props.subtitle}>
        <p class="auth-card__subtitle">{props.subtitle}</p>
      </Show>
      {props.children}
      <Show when={props.footer}>
        <p class="auth-card__footer">{props.footer}</p>
      </Show>
    </section>
  );
}
