import { createSignal, For, Show } from "solid-js";
import { createSubmission } from "../../lib/create-submission";
import { Dialog } from "../../ui/dialog";
import { describedBy, Field } from "../../ui/field";
import { Notice } from "../../ui/notice";
import { type Ability, ADMIN_ABILITY, abilityGroups, DEFAULT_ABILITIES } from "./ability-groups";
import { customExpiryBounds, EXPIRY_CHOICES, type ExpiryChoice, endOfDay } from "./token-expiry-choice";
import { TokenSecret } from "./token-secret";
import type { NewToken } from "./tokens-store";

/**
 * Name, abilities and lifetime of a new token; once made, the same dialog shows its plain
 * text. Closing it forgets the secret, and the next opening starts from a fresh form.
 */
export function CreateTokenDialog(props: {
  open: boolean;
  canGrantAdmin: boolean;
  onCreate: (input: NewToken) => Promise<string>;
  onClose: () => void;
}) {
  const [name, setName] = createSignal("");
  const [abilities, setAbilities] = createSignal<Ability[]>([...DEFAULT_ABILITIES]);
  const [expiry, setExpiry] = createSignal<ExpiryChoice>("30d");
  const [customDay, setCustomDay] = createSignal("");
  const [secret, setSecret] = createSignal<string | null>(null);
  const form = createSubmission(["name", "abilities", "expires_in", "expires_at"]);
  const bounds = customExpiryBounds();

  const has = (ability: Ability | null) => ability !== null && abilities().includes(ability);
  const toggle = (ability: Ability, on: boolean, alsoRead?: Ability | null) => {
    setAbilities((list) => {
      const next = new Set(list);
      if (on) {
        next.add(ability);
        // Changing data almost always means reading it too.
        if (alsoRead) next.add(alsoRead);
      } else next.delete(ability);
      return [...next];
    });
  };
  const choose = (kind: "read" | "all" | "none") => {
    const all = abilityGroups.flatMap((g) => [g.read, g.write]).filter((a): a is Ability => a !== null);
    setAbilities(kind === "none" ? [] : kind === "read" ? [...DEFAULT_ABILITIES] : all);
  };

  const close = () => {
    setName("");
    setAbilities([...DEFAULT_ABILITIES]);
    setExpiry("30d");
    setCustomDay("");
    setSecret(null);
    form.clear();
    props.onClose();
  };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!name().trim()) problems.name = "Enter a name for the token.";
    if (abilities().length === 0) problems.abilities = "Choose at least one ability.";
    const expiresAt = expiry() === "custom" ? endOfDay(customDay()) : null;
    if (expiry() === "custom" && !expiresAt) problems.expires_at = "Choose the day the token stops working.";
    if (Object.keys(problems).length > 0) return form.reject(problems);
    const choice = expiry();
    const input: NewToken = {
      name: name().trim(),
      abilities: abilities(),
      ...(choice === "custom" ? { expires_at: expiresAt ?? "" } : { expires_in: choice }),
    };
    void form.run(async () => {
      setSecret(await props.onCreate(input));
    });
  };

  return (
    <Dialog
      open={props.open}
      title={secret() ? "Your new API token" : "Create an API token"}
      onClose={close}
      testId="create-token-dialog"
    >
      <Show
        when={secret()}
        fallback={
          <form class="form" onSubmit={submit} novalidate>
            <Show when={form.formError()}>{(message) => <Notice tone="error">{message()}</Notice>}</Show>
            <Field
              id="token-name"
              label="Name"
              error={form.fieldError("name")}
              hint="Something to recognise it by later, like “Zapier” or “Backup script”."
            >
              <input
                id="token-name"
                class="input"
                type="text"
                maxlength={255}
                autocomplete="off"
                value={name()}
                onInput={(event) => setName(event.currentTarget.value)}
                aria-invalid={Boolean(form.fieldError("name")) || undefined}
                aria-describedby={describedBy("token-name")}
              />
            </Field>

            <fieldset class="choice-group" aria-describedby="token-abilities-error">
              <legend class="field__label">Abilities</legend>
              <div class="ability-shortcuts">
                <span class="field__hint">Select:</span>
                <button type="button" class="link link--small" onClick={() => choose("read")}>
                  Read only
                </button>
                <button type="button" class="link link--small" onClick={() => choose("all")}>
                  Everything
                </button>
                <button type="button" class="link link--small" onClick={() => choose("none")}>
                  None
                </button>
              </div>
              <table class="ability-table">
                <thead>
                  <tr>
                    <th scope="col">Module</th>
                    <th scope="col">Read</th>
                    <th scope="col">Write</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={abilityGroups}>
                    {(group) => (
                      <tr>
                        <th scope="row">{group.label}</th>
                        <td>
                          <Show when={group.read}>
                            {(ability) => (
                              <input
                                type="checkbox"
                                aria-label={`${group.label}: read`}
                                checked={has(ability())}
                                onChange={(event) => toggle(ability(), event.currentTarget.checked)}
                              />
                            )}
                          </Show>
                        </td>
                        <td>
                          <Show when={group.write}>
                            {(ability) => (
                              <input
                                type="checkbox"
                                aria-label={`${group.label}: write`}
                                checked={has(ability())}
                                onChange={(event) => toggle(ability(), event.currentTarget.checked, group.read)}
                              />
                            )}
                          </Show>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
              <Show when={props.canGrantAdmin && ADMIN_ABILITY}>
                {(admin) => (
                  <label class="checkbox">
                    <input
                      type="checkbox"
                      checked={has(admin())}
                      onChange={(event) => toggle(admin(), event.currentTarget.checked)}
                    />
                    Site administration (admin)
                  </label>
                )}
              </Show>
              <Show when={form.fieldError("abilities")}>
                <p class="field__error" id="token-abilities-error">
                  {form.fieldError("abilities")}
                </p>
              </Show>
            </fieldset>

            <fieldset class="choice-group">
              <legend class="field__label">Expires after</legend>
              <div class="segmented segmented--wrap">
                <For each={EXPIRY_CHOICES}>
                  {(choice) => (
                    <label class="segmented__option">
                      <input
                        type="radio"
                        name="token-expiry"
                        value={choice.value}
                        checked={expiry() === choice.value}
                        onChange={() => setExpiry(choice.value)}
                      />
                      <span>{choice.label}</span>
                    </label>
                  )}
                </For>
              </div>
              <Show when={expiry() === "never"}>
                <p class="field__hint">
                  A token that never expires works until you revoke it. Prefer a date when you can.
                </p>
              </Show>
              <Show when={form.fieldError("expires_in")}>
                <p class="field__error">{form.fieldError("expires_in")}</p>
              </Show>
            </fieldset>
            <Show when={expiry() === "custom"}>
              <Field
                id="token-expires-at"
                label="Expires on"
                error={form.fieldError("expires_at")}
                hint="The token stops working at the end of this day, at most a year from now."
              >
                <input
                  id="token-expires-at"
                  class="input input--date"
                  type="date"
                  min={bounds.min}
                  max={bounds.max}
                  value={customDay()}
                  onInput={(event) => setCustomDay(event.currentTarget.value)}
                  aria-invalid={Boolean(form.fieldError("expires_at")) || undefined}
                  aria-describedby={describedBy("token-expires-at")}
                />
              </Field>
            </Show>

            <div class="dialog__actions">
              <button type="button" class="button" onClick={close}>
                Cancel
              </button>
              <button type="submit" class="button button--primary" disabled={form.pending()}>
                {form.pending() ? "Creating…" : "Create token"}
              </button>
            </div>
          </form>
        }
      >
        {(value) => (
          <>
            <TokenSecret value={value()} />
            <div class="dialog__actions">
              <button type="button" class="button button--primary" onClick={close}>
                Done
              </button>
            </div>
          </>
        )}
      </Show>
    </Dialog>
  );
}
