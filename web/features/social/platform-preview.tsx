import { For, Show } from "solid-js";
import {
  checkLimits,
  composeText,
  countedLength,
  PLATFORM_LIMITS,
  type Platform,
} from "../../../worker/features/social/platforms/platform-limits";

const VIDEO = /\.(mp4|m4v|mov|webm)(\?|#|$)/i;

/** How the post will read on one network, with its media, its live character count and what it would refuse. */
export function PlatformPreview(props: {
  platform: Platform;
  username: string;
  content: string;
  hashtags: string[];
  media: string[];
}) {
  const limits = () => PLATFORM_LIMITS[props.platform];
  const used = () => countedLength(props.platform, { content: props.content, hashtags: props.hashtags });
  const problems = () =>
    checkLimits(props.platform, {
      content: props.content,
      hashtags: props.hashtags,
      media: props.media.map((url) => ({ url })),
    });
  return (
    <article class="card social-preview" data-testid={`preview-${props.platform}`}>
      <div class="card__head">
        <strong>
          {limits().label} · @{props.username}
        </strong>
        <span
          class="badge"
          classList={{ "badge--bad": used() > limits().maxChars, "badge--muted": used() <= limits().maxChars }}
          data-testid={`counter-${props.platform}`}
        >
          {used()} / {limits().maxChars}
        </span>
      </div>
      <p class="social-preview__text">{composeText(props.content, props.hashtags) || "Your post will show here."}</p>
      <Show when={props.media.length}>
        <div class="social-preview__media" data-testid="preview-media">
          <For each={props.media}>
            {(url) =>
              VIDEO.test(url) ? (
                <video class="social-preview__thumb" src={url} muted preload="metadata" aria-label="Attached video" />
              ) : (
                <img class="social-preview__thumb" src={url} alt="" loading="lazy" />
              )
            }
          </For>
        </div>
        <p class="muted">{props.media.length} media attached</p>
      </Show>
      <For each={problems()}>{(problem) => <p class="field__error">{problem.message}</p>}</For>
    </article>
  );
}
