import type { FieldErrors } from "../../lib/field-errors";
import { describedBy, Field, UrlField } from "../../ui/field";
import { createSettingsDraft } from "./create-settings-draft";
import { SettingsCard } from "./settings-card";
import { WorkspaceMark } from "./workspace-mark";
import type { WorkspaceChanges, WorkspaceDetail } from "./workspaces-store";

type General = { name: string; slug: string; description: string; logo: string };

const labels: Record<keyof General, string> = {
  name: "name",
  slug: "address",
  description: "description",
  logo: "logo",
};

const read = (w: WorkspaceDetail): General => ({
  name: w.name,
  slug: w.slug,
  description: w.description ?? "",
  logo: w.logo ?? "",
});

/** Only the fields the person changed, so saving over someone else's version keeps the rest of theirs. */
function toChanges(draft: General, base: General): WorkspaceChanges | null {
  const changes: WorkspaceChanges = {};
  if (draft.name.trim() !== base.name) changes.name = draft.name.trim();
  if (draft.slug.trim() !== base.slug) changes.slug = draft.slug.trim().toLowerCase();
  if (draft.description.trim() !== base.description) changes.description = draft.description.trim() || null;
  if (draft.logo.trim() !== base.logo) changes.logo = draft.logo.trim() || null;
  return Object.keys(changes).length > 0 ? changes : null;
}

function validate(draft: General): FieldErrors {
  const problems: FieldErrors = {};
  if (!draft.name.trim()) problems.name = "Enter a name.";
  if (draft.logo.trim() && !/^https:\/\/\S+$/.test(draft.logo.trim())) problems.logo = "Use an https:// address.";
  return problems;
}

/** Name, address, description and logo. */
export function GeneralSettingsCard(props: { workspace: WorkspaceDetail; canEdit: boolean }) {
  const draft = createSettingsDraft({ read, toChanges, validate, fields: ["name", "slug", "description", "logo"] });
  const { form } = draft;
  return (
    <SettingsCard
      section="general"
      title="General"
      subtitle="How your workspace is named, and where its public pages live."
      workspaceId={props.workspace.id}
      draft={draft}
      labels={labels}
      canEdit={props.canEdit}
    >
      <div class="profile-identity">
        <WorkspaceMark
          name={draft.draft.name || props.workspace.name}
          logo={draft.draft.logo.trim() || null}
          color={props.workspace.branding.primary_color}
          size={56}
        />
        <div class="form form--grid">
          <Field id="workspace-settings-name" label="Name" error={form.fieldError("name")}>
            <input
              id="workspace-settings-name"
              class="input"
              type="text"
              maxlength={255}
              value={draft.draft.name}
              onInput={(event) => draft.setDraft("name", event.currentTarget.value)}
              aria-invalid={Boolean(form.fieldError("name")) || undefined}
              aria-describedby={describedBy("workspace-settings-name")}
            />
          </Field>
          <Field
            id="workspace-settings-slug"
            label="Address"
            error={form.fieldError("slug")}
            hint="Lowercase letters, digits and dashes. Links with the old address stop working."
          >
            <div class="input-prefix">
              <span class="input-prefix__text" aria-hidden="true">
                /
              </span>
              <input
                id="workspace-settings-slug"
                class="input"
                type="text"
                maxlength={48}
                spellcheck={false}
                autocomplete="off"
                value={draft.draft.slug}
                onInput={(event) => draft.setDraft("slug", event.currentTarget.value.toLowerCase())}
                aria-invalid={Boolean(form.fieldError("slug")) || undefined}
                aria-describedby={describedBy("workspace-settings-slug")}
              />
            </div>
          </Field>
        </div>
      </div>
      <Field
        id="workspace-settings-description"
        label="Description"
        error={form.fieldError("description")}
        hint="A line or two about what this workspace is for."
      >
        <textarea
          id="workspace-settings-description"
          class="input textarea"
          rows={3}
          maxlength={5000}
          value={draft.draft.description}
          onInput={(event) => draft.setDraft("description", event.currentTarget.value)}
          aria-invalid={Boolean(form.fieldError("description")) || undefined}
          aria-describedby={describedBy("workspace-settings-description")}
        />
      </Field>
      <UrlField
        id="workspace-settings-logo"
        label="Logo URL"
        hint="An https:// link to a square image. Leave empty to show the initial."
        error={form.fieldError("logo")}
        value={draft.draft.logo}
        onInput={(value) => draft.setDraft("logo", value)}
      />
    </SettingsCard>
  );
}
