import { type ParentProps, Show } from "solid-js";
import { live } from "../../lib/live/live";
import { Icon } from "../../ui/icon";
import { Notice } from "../../ui/notice";
import { PresenceBadge } from "../../ui/presence-badge";
import { ConflictNotice } from "./conflict-notice";
import type { SettingsDraft } from "./create-settings-draft";

/**
 * One card of workspace settings: its own form and Save, the conflict notice when someone
 * saved meanwhile, and who else is editing it. Focus inside tells the others "editing <key>".
 */
export function SettingsCard<T extends object>(
  props: ParentProps<{
    section: string;
    title: string;
    subtitle: string;
    workspaceId: string;
    draft: SettingsDraft<T>;
    labels: Record<string, string>;
    canEdit: boolean;
  }>,
) {
  const titleId = `settings-${props.section}-title`;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    props.draft.save();
  };
  return (
    <section class="card" aria-labelledby={titleId} data-testid={`settings-${props.section}`}>
      <div class="card__head card__head--wrap">
        <div>
          <h2 class="card__title" id={titleId}>
            {props.title}
          </h2>
          <p class="card__subtitle">{props.subtitle}</p>
        </div>
        <PresenceBadge entity={{ entity_type: "workspace", entity_id: props.workspaceId }} field={props.section} />
      </div>
      <form
        class="form"
        onSubmit={submit}
        novalidate
        onFocusIn={() => live.setEditing(props.section)}
        onFocusOut={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) live.setEditing(null);
        }}
        onInput={() => props.draft.touched()}
      >
        <Show when={props.draft.conflict()}>
          <ConflictNotice
            fields={props.draft.theirChanges()}
            labels={props.labels}
            pending={props.draft.form.pending()}
            onKeepMine={props.draft.keepMine}
            onTakeTheirs={props.draft.takeTheirs}
          />
        </Show>
        <Show when={props.draft.form.formError()}>{(message) => <Notice tone="error">{message()}</Notice>}</Show>
        <fieldset class="fieldset" disabled={!props.canEdit}>
          {props.children}
        </fieldset>
        <Show when={props.canEdit}>
          <div class="form-actions">
            <button
              type="submit"
              class="button button--primary"
              disabled={props.draft.form.pending() || !props.draft.dirty()}
            >
              {props.draft.form.pending() ? "Saving…" : "Save"}
            </button>
            <Show when={props.draft.dirty() && !props.draft.form.pending()}>
              <button type="button" class="button button--ghost" onClick={() => props.draft.discard()}>
                Discard
              </button>
            </Show>
            <Show when={props.draft.saved() && !props.draft.dirty()}>
              <span class="saved" data-testid={`settings-${props.section}-saved`}>
                <Icon name="check" size={16} />
                Saved
              </span>
            </Show>
          </div>
        </Show>
      </form>
    </section>
  );
}
