import { For } from "solid-js";
import type { FieldErrors } from "../../lib/field-errors";
import { describedBy, Field, UrlField } from "../../ui/field";
import { BrandPreview } from "./brand-preview";
import { createSettingsDraft } from "./create-settings-draft";
import { SettingsCard } from "./settings-card";
import type { WorkspaceChanges, WorkspaceDetail } from "./workspaces-store";

type BrandingChanges = NonNullable<WorkspaceChanges["branding"]>;
type Font = NonNullable<BrandingChanges["font"]>;
export type Branding = Required<Omit<BrandingChanges, "logo_url">> & { logo_url: string };

/** The API's fonts (worker/features/workspaces/schema.ts FONTS), each with fallbacks for a browser without it. */
export const FONT_STACKS = {
  Inter: "Inter, ui-sans-serif, system-ui, sans-serif",
  "DM Sans": '"DM Sans", ui-sans-serif, system-ui, sans-serif',
  Poppins: "Poppins, ui-sans-serif, system-ui, sans-serif",
  Roboto: "Roboto, ui-sans-serif, system-ui, sans-serif",
  Lora: "Lora, Georgia, serif",
  "Playfair Display": '"Playfair Display", Georgia, serif',
  "Space Grotesk": '"Space Grotesk", ui-sans-serif, system-ui, sans-serif',
} as const satisfies Record<Font, string>;
const FONTS = Object.keys(FONT_STACKS) as Font[];

const DEFAULTS = {
  primary_color: "#4f46e5",
  accent_color: "#ec4899",
  background_color: "#ffffff",
  text_color: "#18181b",
  font: "Inter",
  logo_url: "",
} as const satisfies Branding;

const COLORS = [
  { key: "primary_color", label: "Primary", hint: "Buttons and links." },
  { key: "accent_color", label: "Accent", hint: "Highlights and badges." },
  { key: "background_color", label: "Background", hint: "Behind your pages." },
  { key: "text_color", label: "Text", hint: "Body text." },
] as const;

const labels: Record<keyof Branding, string> = {
  primary_color: "primary colour",
  accent_color: "accent colour",
  background_color: "background colour",
  text_color: "text colour",
  font: "font",
  logo_url: "brand logo",
};

const HEX = /^#[0-9a-f]{6}$/i;
const pickColor = (value: unknown, fallback: string) =>
  typeof value === "string" && HEX.test(value) ? value : fallback;

const read = (w: WorkspaceDetail): Branding => ({
  primary_color: pickColor(w.branding.primary_color, DEFAULTS.primary_color),
  accent_color: pickColor(w.branding.accent_color, DEFAULTS.accent_color),
  background_color: pickColor(w.branding.background_color, DEFAULTS.background_color),
  text_color: pickColor(w.branding.text_color, DEFAULTS.text_color),
  font: FONTS.find((f) => f === w.branding.font) ?? DEFAULTS.font,
  logo_url: typeof w.branding.logo_url === "string" ? w.branding.logo_url : "",
});

function toChanges(draft: Branding, base: Branding): WorkspaceChanges | null {
  const branding: BrandingChanges = {};
  for (const { key } of COLORS) if (draft[key].toLowerCase() !== base[key].toLowerCase()) branding[key] = draft[key];
  if (draft.font !== base.font) branding.font = draft.font;
  if (draft.logo_url.trim() !== base.logo_url) branding.logo_url = draft.logo_url.trim();
  return Object.keys(branding).length > 0 ? { branding } : null;
}

function validate(draft: Branding, base: Branding): FieldErrors {
  const problems: FieldErrors = {};
  for (const { key } of COLORS) if (!HEX.test(draft[key])) problems[`branding.${key}`] = "Use a colour like #4f46e5.";
  const logo = draft.logo_url.trim();
  if (logo && !/^https:\/\/\S+$/.test(logo)) problems["branding.logo_url"] = "Use an https:// address.";
  // The API merges branding and has no way to unset one key: a logo can be replaced, not removed.
  if (!logo && base.logo_url)
    problems["branding.logo_url"] = "Enter another https:// address; a brand logo can be replaced but not removed yet.";
  return problems;
}

/** Colours, font and logo of the workspace's public pages, with a preview that follows every change. */
export function BrandingSettingsCard(props: { workspace: WorkspaceDetail; canEdit: boolean }) {
  const draft = createSettingsDraft({
    read,
    toChanges,
    validate,
    fields: [...COLORS.map((c) => `branding.${c.key}`), "branding.font", "branding.logo_url"],
  });
  const { form } = draft;
  return (
    <SettingsCard
      section="branding"
      title="Branding"
      subtitle="The look of your link-in-bio page, emails and course pages."
      workspaceId={props.workspace.id}
      draft={draft}
      labels={labels}
      canEdit={props.canEdit}
    >
      <div class="branding">
        <div class="form">
          <div class="color-grid">
            <For each={COLORS}>
              {(color) => {
                const id = `branding-${color.key}`;
                return (
                  <Field id={id} label={color.label} error={form.fieldError(`branding.${color.key}`)} hint={color.hint}>
                    <div class="color-input">
                      <input
                        type="color"
                        class="color-input__swatch"
                        aria-label={`${color.label} colour picker`}
                        value={HEX.test(draft.draft[color.key]) ? draft.draft[color.key] : DEFAULTS[color.key]}
                        onInput={(event) => draft.setDraft(color.key, event.currentTarget.value)}
                      />
                      <input
                        id={id}
                        class="input color-input__text"
                        type="text"
                        maxlength={7}
                        spellcheck={false}
                        value={draft.draft[color.key]}
                        onInput={(event) => draft.setDraft(color.key, event.currentTarget.value.trim())}
                        aria-invalid={Boolean(form.fieldError(`branding.${color.key}`)) || undefined}
                        aria-describedby={describedBy(id)}
                      />
                    </div>
                  </Field>
                );
              }}
            </For>
          </div>
          <Field id="branding-font" label="Font" error={form.fieldError("branding.font")}>
            <select
              id="branding-font"
              class="input"
              value={draft.draft.font}
              onChange={(event) => {
                const font = FONTS.find((f) => f === event.currentTarget.value);
                if (font) draft.setDraft("font", font);
              }}
              aria-describedby={describedBy("branding-font")}
            >
              <For each={FONTS}>
                {(font) => (
                  <option value={font} selected={font === draft.draft.font}>
                    {font}
                  </option>
                )}
              </For>
            </select>
          </Field>
          <UrlField
            id="branding-logo"
            label="Brand logo URL"
            hint="An https:// link, shown on your public pages. Leave empty to use the workspace logo."
            error={form.fieldError("branding.logo_url")}
            value={draft.draft.logo_url}
            onInput={(value) => draft.setDraft("logo_url", value)}
          />
        </div>
        <BrandPreview
          name={props.workspace.name}
          description={props.workspace.description}
          logo={draft.draft.logo_url.trim() || props.workspace.logo}
          branding={draft.draft}
          fontStack={FONT_STACKS[draft.draft.font]}
        />
      </div>
    </SettingsCard>
  );
}
