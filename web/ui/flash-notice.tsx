import { Show } from "solid-js";
import { flash } from "../lib/flash";
import { Icon } from "./icon";
import { Notice } from "./notice";

/** The latest flash message above the page, until the person dismisses it. */
export function FlashNotice() {
  return (
    <Show when={flash.current()} keyed>
      {(message) => (
        <div class="flash" data-testid="flash">
          <Notice tone={message.tone}>
            <div class="flash__row">
              <span>{message.message}</span>
              <button
                type="button"
                class="button button--ghost button--icon button--small"
                aria-label="Dismiss"
                onClick={() => flash.dismiss()}
              >
                <Icon name="close" size={14} />
              </button>
            </div>
          </Notice>
        </div>
      )}
    </Show>
  );
}
