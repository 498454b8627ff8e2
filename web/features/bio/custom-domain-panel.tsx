import { createSignal, Show } from "solid-js";
import { ApiError } from "../../lib/api-error";
import { Notice } from "../../ui/notice";
import type { BioPageJson } from "./bio-store";

type Outcome = { tone: "success" | "warning" | "error"; text: string };

/**
 * A page's own domain: the name (saved with the page), the DNS TXT record that proves
 * control of it, and a Verify button that asks the API to look the record up now.
 */
export function CustomDomainPanel(props: {
  page: BioPageJson;
  value: string;
  onInput: (value: string) => void;
  mayPublish: boolean;
  verify: () => Promise<void>;
}) {
  const [checking, setChecking] = createSignal(false);
  const [outcome, setOutcome] = createSignal<Outcome | null>(null);
  const saved = () => props.page.custom_domain;
  const record = () => `_mewayz.${saved()}`;
  const value = () => `mewayz-verify=${props.page.custom_domain_token ?? ""}`;

  const verify = async () => {
    setChecking(true);
    setOutcome(null);
    try {
      await props.verify();
      setOutcome({ tone: "success", text: `Verified: https://${saved()}/ now shows this page.` });
    } catch (failure) {
      const error = ApiError.from(failure);
      // 409: the record is not there (yet); the API says which record and value it looked for.
      setOutcome(
        error.status === 409
          ? { tone: "warning", text: `Not verified yet. ${error.message}` }
          : { tone: "error", text: error.message },
      );
    } finally {
      setChecking(false);
    }
  };

  return (
    <section class="card stack" data-testid="bio-domain">
      <h3 class="card__title">Custom domain</h3>
      <label class="field">
        <span class="field__label">Domain (such as links.example.com)</span>
        <input
          class="input"
          data-testid="bio-domain-input"
          placeholder="links.example.com"
          value={props.value}
          disabled={!props.mayPublish}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
      </label>
      <Show when={!props.mayPublish}>
        <p class="muted">Editors and up set a page's domain.</p>
      </Show>
      <Show when={props.value.trim().toLowerCase() !== (saved() ?? "")}>
        <p class="muted">Save the page to use this domain; you then get the DNS record that proves it is yours.</p>
      </Show>
      <Show when={saved()}>
        <Show
          when={props.page.custom_domain_verified}
          fallback={
            <div class="stack stack--tight" data-testid="bio-domain-record">
              <p>
                <span class="badge badge--muted" data-testid="bio-domain-status">
                  Not verified
                </span>{" "}
                Create this TXT record at your DNS provider, then verify:
              </p>
              <dl class="bio-totals">
                <div>
                  <dt>Type</dt>
                  <dd>TXT</dd>
                </div>
                <div>
                  <dt>Name</dt>
                  <dd data-testid="bio-domain-record-name">{record()}</dd>
                </div>
                <div>
                  <dt>Value</dt>
                  <dd data-testid="bio-domain-record-value">{value()}</dd>
                </div>
              </dl>
              <div>
                <button
                  type="button"
                  class="button button--small"
                  data-testid="bio-domain-verify"
                  disabled={!props.mayPublish || checking()}
                  onClick={() => void verify()}
                >
                  {checking() ? "Checking…" : "Verify"}
                </button>
              </div>
            </div>
          }
        >
          <p>
            <span class="badge" data-testid="bio-domain-status">
              Verified
            </span>{" "}
            Visitors open this page at{" "}
            <a href={`https://${saved()}/`} target="_blank" rel="noopener">
              https://{saved()}/
            </a>
            .
          </p>
        </Show>
      </Show>
      <Show when={outcome()}>
        {(o) => (
          <Notice tone={o().tone} testId="bio-domain-outcome">
            {o().text}
          </Notice>
        )}
      </Show>
    </section>
  );
}
