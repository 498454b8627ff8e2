import { createSignal, onCleanup, Show } from "solid-js";
import { Icon } from "../../ui/icon";
import { Notice } from "../../ui/notice";

/** A new token's plain text, shown this once, with a copy button. */
export function TokenSecret(props: { value: string }) {
  const [copied, setCopied] = createSignal(false);
  const [copyFailed, setCopyFailed] = createSignal(false);
  let input: HTMLInputElement | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));

  const copy = async () => {
    setCopyFailed(false);
    try {
      await navigator.clipboard.writeText(props.value);
      setCopied(true);
      clearTimeout(timer);
      timer = setTimeout(() => setCopied(false), 2000);
    } catch {
      // No clipboard access (an insecure origin, a refused permission): select it for Ctrl+C instead.
      input?.select();
      setCopyFailed(true);
    }
  };

  return (
    <div class="stack stack--tight">
      <Notice tone="warning">
        Copy this token now and keep it somewhere safe. <strong>You won't be able to see it again.</strong>
      </Notice>
      <div class="secret">
        <label class="visually-hidden" for="token-plain-text">
          Your new API token
        </label>
        <input
          ref={input}
          id="token-plain-text"
          class="input secret__value"
          readonly
          value={props.value}
          onFocus={(event) => event.currentTarget.select()}
          data-testid="token-plain-text"
          spellcheck={false}
        />
        <button type="button" class="button" onClick={() => void copy()}>
          <Icon name={copied() ? "check" : "copy"} size={16} />
          {copied() ? "Copied" : "Copy"}
        </button>
      </div>
      <Show when={copyFailed()}>
        <p class="field__hint">We couldn't copy it for you: it is selected, press Ctrl+C (⌘C on a Mac).</p>
      </Show>
      <p class="field__hint">
        Send it as <code>Authorization: Bearer …</code> with each request to the API.
      </p>
    </div>
  );
}
