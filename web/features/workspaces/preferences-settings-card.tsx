import { createMemo, createSignal, For, Index, Show } from "solid-js";
import type { FieldErrors } from "../../lib/field-errors";
import { describedBy, Field } from "../../ui/field";
import { Icon } from "../../ui/icon";
import { localeOptions } from "../auth/locale-options";
import { browserLocale, browserTimeZone } from "../auth/read-preferences";
import { timeZoneGroups } from "../auth/time-zone-options";
import { TimeZoneSelectOptions } from "../auth/time-zone-select-options";
import { createSettingsDraft } from "./create-settings-draft";
import { SettingsCard } from "./settings-card";
import type { WorkspaceChanges, WorkspaceDetail } from "./workspaces-store";

type SettingsChanges = NonNullable<WorkspaceChanges["settings"]>;
type WeekStart = NonNullable<SettingsChanges["week_starts_on"]>;
type Preferences = Required<SettingsChanges>;

const WEEK_STARTS: { value: WeekStart; label: string }[] = [
  { value: "monday", label: "Monday" },
  { value: "sunday", label: "Sunday" },
];
const CURRENCIES = [
  "USD",
  "EUR",
  "GBP",
  "CAD",
  "AUD",
  "NZD",
  "CHF",
  "JPY",
  "INR",
  "BRL",
  "MXN",
  "SEK",
  "NOK",
  "DKK",
  "PLN",
  "ZAR",
  "SGD",
  "AED",
];
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const labels: Record<keyof Preferences, string> = {
  timezone: "time zone",
  locale: "language",
  week_starts_on: "week start",
  currency: "currency",
  posting_slots: "posting times",
};

const sortedSlots = (slots: string[]) => [...new Set(slots.filter(Boolean))].sort();
const text = (value: unknown, fallback: string) => (typeof value === "string" && value ? value : fallback);

/** What is saved, with the defaults the app uses for anything never chosen. */
const read = (w: WorkspaceDetail): Preferences => ({
  timezone: text(w.settings.timezone, "UTC"),
  locale: text(w.settings.locale, "en"),
  week_starts_on: w.settings.week_starts_on === "sunday" ? "sunday" : "monday",
  currency: text(w.settings.currency, "USD"),
  posting_slots: Array.isArray(w.settings.posting_slots)
    ? sortedSlots(w.settings.posting_slots.filter((s): s is string => typeof s === "string"))
    : [],
});

function toChanges(draft: Preferences, base: Preferences): WorkspaceChanges | null {
  const settings: SettingsChanges = {};
  if (draft.timezone !== base.timezone) settings.timezone = draft.timezone;
  if (draft.locale !== base.locale) settings.locale = draft.locale;
  if (draft.week_starts_on !== base.week_starts_on) settings.week_starts_on = draft.week_starts_on;
  if (draft.currency !== base.currency) settings.currency = draft.currency;
  const slots = sortedSlots(draft.posting_slots);
  if (JSON.stringify(slots) !== JSON.stringify(base.posting_slots)) settings.posting_slots = slots;
  return Object.keys(settings).length > 0 ? { settings } : null;
}

function validate(draft: Preferences): FieldErrors {
  const problems: FieldErrors = {};
  const filled = draft.posting_slots.filter(Boolean);
  if (filled.some((slot) => !TIME.test(slot))) problems["settings.posting_slots"] = "Use times like 09:30.";
  else if (new Set(filled).size !== filled.length) problems["settings.posting_slots"] = "List each time once.";
  if (filled.length > 24) problems["settings.posting_slots"] = "Use at most 24 times a day.";
  return problems;
}

/** Time zone, language, week start, currency, and the daily times new posts are offered for. */
export function PreferencesSettingsCard(props: { workspace: WorkspaceDetail; canEdit: boolean }) {
  const draft = createSettingsDraft({
    read,
    toChanges,
    validate,
    fields: Object.keys(labels).map((key) => `settings.${key}`),
  });
  const { form } = draft;
  const browserZone = browserTimeZone();
  const zones = createMemo(() => timeZoneGroups([browserZone, draft.draft.timezone]));
  const locales = createMemo(() => localeOptions([browserLocale(), draft.draft.locale]));
  const currencies = createMemo(() => [...new Set([...CURRENCIES, draft.draft.currency])]);
  const [newSlot, setNewSlot] = createSignal("09:00");

  const addSlot = () => {
    if (!TIME.test(newSlot())) return;
    draft.setDraft("posting_slots", (slots) => sortedSlots([...slots, newSlot()]));
    draft.touched();
  };
  const removeSlot = (index: number) => {
    draft.setDraft("posting_slots", (slots) => slots.filter((_, i) => i !== index));
    draft.touched();
  };

  return (
    <SettingsCard
      section="preferences"
      title="Preferences"
      subtitle="Used for schedules, reports, prices and dates across the workspace."
      workspaceId={props.workspace.id}
      draft={draft}
      labels={labels}
      canEdit={props.canEdit}
    >
      <div class="form form--grid">
        <Field
          id="workspace-timezone"
          label="Time zone"
          error={form.fieldError("settings.timezone")}
          hint={
            <Show when={draft.draft.timezone !== browserZone} fallback="The same as your browser's.">
              Your browser is set to {browserZone.replaceAll("_", " ")}.{" "}
              <button type="button" class="link" onClick={() => draft.setDraft("timezone", browserZone)}>
                Use it
              </button>
            </Show>
          }
        >
          <select
            id="workspace-timezone"
            class="input"
            value={draft.draft.timezone}
            onChange={(event) => draft.setDraft("timezone", event.currentTarget.value)}
            aria-describedby={describedBy("workspace-timezone")}
          >
            <TimeZoneSelectOptions groups={zones()} selected={draft.draft.timezone} />
          </select>
        </Field>
        <Field id="workspace-locale" label="Language and region" error={form.fieldError("settings.locale")}>
          <select
            id="workspace-locale"
            class="input"
            value={draft.draft.locale}
            onChange={(event) => draft.setDraft("locale", event.currentTarget.value)}
            aria-describedby={describedBy("workspace-locale")}
          >
            <For each={locales()}>
              {(option) => (
                <option value={option.locale} selected={option.locale === draft.draft.locale}>
                  {option.label}
                </option>
              )}
            </For>
          </select>
        </Field>
        <Field id="workspace-currency" label="Currency" error={form.fieldError("settings.currency")}>
          <select
            id="workspace-currency"
            class="input"
            value={draft.draft.currency}
            onChange={(event) => draft.setDraft("currency", event.currentTarget.value)}
            aria-describedby={describedBy("workspace-currency")}
          >
            <For each={currencies()}>
              {(code) => (
                <option value={code} selected={code === draft.draft.currency}>
                  {currencyName(code)}
                </option>
              )}
            </For>
          </select>
        </Field>
        <fieldset class="choice-group">
          <legend class="field__label">Week starts on</legend>
          <div class="segmented">
            <For each={WEEK_STARTS}>
              {(option) => (
                <label class="segmented__option">
                  <input
                    type="radio"
                    name="workspace-week-start"
                    value={option.value}
                    checked={draft.draft.week_starts_on === option.value}
                    onChange={() => draft.setDraft("week_starts_on", option.value)}
                  />
                  <span>{option.label}</span>
                </label>
              )}
            </For>
          </div>
        </fieldset>
      </div>
      <fieldset class="choice-group" aria-describedby="workspace-slots-hint workspace-slots-error">
        <legend class="field__label">Posting times</legend>
        <p class="field__hint" id="workspace-slots-hint">
          The times of day, in the workspace's time zone, the social calendar offers for new posts.
        </p>
        <ul class="slots" data-testid="posting-slots">
          <Index each={draft.draft.posting_slots} fallback={<li class="muted">No times yet.</li>}>
            {(slot, index) => (
              <li class="slot">
                <span>{slot()}</span>
                <button
                  type="button"
                  class="slot__remove"
                  aria-label={`Remove ${slot()}`}
                  onClick={() => removeSlot(index)}
                >
                  <Icon name="close" size={12} />
                </button>
              </li>
            )}
          </Index>
        </ul>
        <div class="inline-actions">
          <label class="visually-hidden" for="workspace-new-slot">
            New posting time
          </label>
          <input
            id="workspace-new-slot"
            class="input input--time"
            type="time"
            step={300}
            value={newSlot()}
            onInput={(event) => setNewSlot(event.currentTarget.value)}
          />
          <button type="button" class="button button--small" onClick={addSlot}>
            <Icon name="plus" size={14} />
            Add time
          </button>
        </div>
        <Show when={form.fieldError("settings.posting_slots")}>
          <p class="field__error" id="workspace-slots-error">
            {form.fieldError("settings.posting_slots")}
          </p>
        </Show>
      </fieldset>
    </SettingsCard>
  );
}

/** "EUR — Euro", in the browser's language where it can name it. */
function currencyName(code: string): string {
  try {
    const name = new Intl.DisplayNames(undefined, { type: "currency" }).of(code);
    return name && name !== code ? `${code} — ${name}` : code;
  } catch {
    return code;
  }
}
