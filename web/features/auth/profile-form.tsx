import { createMemo, createSignal, For, Show } from "solid-js";
import { createStore, unwrap } from "solid-js/store";
import { createSubmission } from "../../lib/create-submission";
import { Avatar } from "../../ui/avatar";
import { describedBy, Field, UrlField } from "../../ui/field";
import { Icon } from "../../ui/icon";
import { Notice } from "../../ui/notice";
import { localeOptions } from "./locale-options";
import {
  browserLocale,
  browserTimeZone,
  DATE_FORMATS,
  NOTIFICATIONS,
  type Notifications,
  type Preferences,
  readPreferences,
  THEMES,
  WEEK_STARTS,
} from "./read-preferences";
import { type User, updateProfile } from "./session-store";
import { timeZoneGroups } from "./time-zone-options";
import { TimeZoneSelectOptions } from "./time-zone-select-options";

const themeLabels = { light: "Light", dark: "Dark", system: "Match my device" } as const;
const weekLabels = { monday: "Monday", sunday: "Sunday" } as const;
const notificationLabels: Record<keyof Notifications, { label: string; hint: string }> = {
  mentions: { label: "Mentions and replies", hint: "When someone mentions you or replies to you." },
  weekly_digest: { label: "Weekly digest", hint: "A Monday summary of how your workspace did." },
  product_updates: { label: "Product updates", hint: "New features and improvements, about once a month." },
};

/** Today written in each date format, so the choice shows what it means. */
function dateExample(format: Preferences["date_format"], today = new Date()): string {
  const y = String(today.getFullYear());
  const m = String(today.getMonth() + 1).padStart(2, "0");
  const d = String(today.getDate()).padStart(2, "0");
  return format === "YYYY-MM-DD" ? `${y}-${m}-${d}` : format === "DD/MM/YYYY" ? `${d}/${m}/${y}` : `${m}/${d}/${y}`;
}

const FIELDS = [
  "name",
  "avatar",
  "preferences.theme",
  "preferences.locale",
  "preferences.timezone",
  "preferences.date_format",
  "preferences.week_starts_on",
] as const;

/**
 * Name, picture and preferences, saved together with PATCH /api/v1/auth/me. The form
 * starts from the user as loaded and keeps its own copy, so a refused save loses nothing.
 */
export function ProfileForm(props: { user: User }) {
  const [name, setName] = createSignal(props.user.name);
  const [avatar, setAvatar] = createSignal(props.user.avatar ?? "");
  const [prefs, setPrefs] = createStore<Preferences>(readPreferences(props.user.preferences));
  const [saved, setSaved] = createSignal(false);
  const form = createSubmission(FIELDS);
  const browserZone = browserTimeZone();

  const zones = createMemo(() => timeZoneGroups([browserZone, prefs.timezone]));
  const locales = localeOptions([browserLocale(), prefs.locale]);

  /** Every edit clears "Saved": what is on screen is no longer what was saved. */
  const edit =
    <T,>(apply: (value: T) => void) =>
    (value: T) => {
      apply(value);
      setSaved(false);
    };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const picture = avatar().trim();
    const problems: Record<string, string> = {};
    if (!name().trim()) problems.name = "Enter a name.";
    if (picture && !/^https:\/\/\S+$/.test(picture)) problems.avatar = "Use an https:// address.";
    if (Object.keys(problems).length > 0) return form.reject(problems);
    void form
      .run(() =>
        updateProfile({ name: name().trim(), avatar: picture || null, preferences: structuredClone(unwrap(prefs)) }),
      )
      .then(setSaved);
  };

  return (
    <form class="stack" onSubmit={submit} novalidate data-testid="profile-form">
      <Show when={form.formError()}>{(message) => <Notice tone="error">{message()}</Notice>}</Show>

      <section class="card" aria-labelledby="profile-card-title">
        <div class="card__head">
          <h2 class="card__title" id="profile-card-title">
            Profile
          </h2>
        </div>
        <div class="profile-identity">
          <Avatar name={name() || props.user.name} src={avatar().trim() || null} size={56} />
          <div class="form form--grid">
            <Field id="profile-name" label="Name" error={form.fieldError("name")}>
              <input
                id="profile-name"
                class="input"
                type="text"
                autocomplete="name"
                maxlength={255}
                value={name()}
                onInput={(event) => edit(setName)(event.currentTarget.value)}
                aria-invalid={Boolean(form.fieldError("name")) || undefined}
                aria-describedby={describedBy("profile-name")}
              />
            </Field>
            <UrlField
              id="profile-avatar"
              label="Avatar URL"
              hint="An https:// link to a square picture. Leave empty to show your initials."
              error={form.fieldError("avatar")}
              value={avatar()}
              onInput={edit(setAvatar)}
            />
          </div>
        </div>
        <p class="card__meta">
          Email: <strong>{props.user.email}</strong>
        </p>
      </section>

      <section class="card" aria-labelledby="preferences-card-title">
        <div class="card__head">
          <h2 class="card__title" id="preferences-card-title">
            Preferences
          </h2>
        </div>
        <div class="form">
          <fieldset class="choice-group">
            <legend class="field__label">Theme</legend>
            <div class="segmented">
              <For each={THEMES}>
                {(theme) => (
                  <label class="segmented__option">
                    <input
                      type="radio"
                      name="theme"
                      value={theme}
                      checked={prefs.theme === theme}
                      onChange={() => edit(() => setPrefs("theme", theme))(null)}
                    />
                    <span>{themeLabels[theme]}</span>
                  </label>
                )}
              </For>
            </div>
            <Show when={form.fieldError("preferences.theme")}>
              <p class="field__error">{form.fieldError("preferences.theme")}</p>
            </Show>
          </fieldset>

          <div class="form form--grid">
            <Field
              id="profile-timezone"
              label="Time zone"
              error={form.fieldError("preferences.timezone")}
              hint={
                <Show when={prefs.timezone !== browserZone} fallback="Detected from your browser.">
                  Your browser is set to {browserZone.replaceAll("_", " ")}.{" "}
                  <button
                    type="button"
                    class="link"
                    onClick={() => edit(() => setPrefs("timezone", browserZone))(null)}
                  >
                    Use it
                  </button>
                </Show>
              }
            >
              <select
                id="profile-timezone"
                class="input"
                value={prefs.timezone}
                onChange={(event) => edit((zone: string) => setPrefs("timezone", zone))(event.currentTarget.value)}
                aria-describedby={describedBy("profile-timezone")}
              >
                <TimeZoneSelectOptions groups={zones()} selected={prefs.timezone} />
              </select>
            </Field>

            <Field id="profile-locale" label="Language and region" error={form.fieldError("preferences.locale")}>
              <select
                id="profile-locale"
                class="input"
                value={prefs.locale}
                onChange={(event) => edit((locale: string) => setPrefs("locale", locale))(event.currentTarget.value)}
                aria-describedby={describedBy("profile-locale")}
              >
                <For each={locales}>
                  {(option) => (
                    <option value={option.locale} selected={option.locale === prefs.locale}>
                      {option.label}
                    </option>
                  )}
                </For>
              </select>
            </Field>

            <Field id="profile-date-format" label="Date format" error={form.fieldError("preferences.date_format")}>
              <select
                id="profile-date-format"
                class="input"
                value={prefs.date_format}
                onChange={(event) => {
                  const chosen = DATE_FORMATS.find((f) => f === event.currentTarget.value);
                  if (chosen) edit(() => setPrefs("date_format", chosen))(null);
                }}
                aria-describedby={describedBy("profile-date-format")}
              >
                <For each={DATE_FORMATS}>
                  {(format) => (
                    <option value={format} selected={format === prefs.date_format}>
                      {dateExample(format)} ({format})
                    </option>
                  )}
                </For>
              </select>
            </Field>

            <Field id="profile-week-start" label="Week starts on" error={form.fieldError("preferences.week_starts_on")}>
              <select
                id="profile-week-start"
                class="input"
                value={prefs.week_starts_on}
                onChange={(event) => {
                  const chosen = WEEK_STARTS.find((w) => w === event.currentTarget.value);
                  if (chosen) edit(() => setPrefs("week_starts_on", chosen))(null);
                }}
                aria-describedby={describedBy("profile-week-start")}
              >
                <For each={WEEK_STARTS}>
                  {(day) => (
                    <option value={day} selected={day === prefs.week_starts_on}>
                      {weekLabels[day]}
                    </option>
                  )}
                </For>
              </select>
            </Field>
          </div>
        </div>
      </section>

      <section class="card" aria-labelledby="notifications-card-title">
        <div class="card__head">
          <h2 class="card__title" id="notifications-card-title">
            Email notifications
          </h2>
        </div>
        <ul class="toggle-list">
          <For each={NOTIFICATIONS}>
            {(key) => (
              <li>
                <label class="toggle">
                  <input
                    type="checkbox"
                    role="switch"
                    aria-checked={prefs.email_notifications[key]}
                    checked={prefs.email_notifications[key]}
                    onChange={(event) =>
                      edit((on: boolean) => setPrefs("email_notifications", key, on))(event.currentTarget.checked)
                    }
                  />
                  <span class="toggle__track" aria-hidden="true" />
                  <span class="toggle__text">
                    <span class="toggle__label">{notificationLabels[key].label}</span>
                    <span class="toggle__hint">{notificationLabels[key].hint}</span>
                  </span>
                </label>
              </li>
            )}
          </For>
        </ul>
      </section>

      <div class="form-actions">
        <button type="submit" class="button button--primary" disabled={form.pending()}>
          {form.pending() ? "Saving…" : "Save changes"}
        </button>
        <Show when={saved()}>
          <span class="saved" role="status" data-testid="profile-saved">
            <Icon name="check" size={16} />
            Saved
          </span>
        </Show>
      </div>
    </form>
  );
}
