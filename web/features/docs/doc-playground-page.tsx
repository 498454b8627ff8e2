import { useParams } from "@solidjs/router";
import { Show } from "solid-js";
import { useViewing } from "../../lib/live/use-viewing";
import { CollaborativeText } from "../../ui/collaborative-text";
import { EmptyState } from "../../ui/empty-state";
import { Notice } from "../../ui/notice";
import { PresenceBadge } from "../../ui/presence-badge";
import { refresh, session } from "../auth/session-store";
import { can } from "../workspaces/workspaces-store";
import { parseDocName } from "./doc-fields";

/**
 * /app/w/:workspaceId/dev/docs/:docName — one collaborative field on its own, for trying
 * the editor until the CRM, social, email, bio and course pages embed it.
 */
export function DocPlaygroundPage() {
  const params = useParams<{ workspaceId: string; docName: string }>();
  const target = () => parseDocName(params.docName);
  useViewing(() => {
    const t = target();
    return t ? { entity_type: t.field.entityType, entity_id: t.rowId } : null;
  });
  // The room drops the edits of someone who may not make them; `*_own` depends on who created the row,
  // which this page cannot see, so that case stays editable and the room decides.
  const readOnly = () => {
    const field = target()?.field;
    return !field || !(can(field.write) || (field.writeOwn !== null && can(field.writeOwn)));
  };

  return (
    <Show
      when={target()}
      keyed
      fallback={
        <EmptyState
          icon="compass"
          title="No such collaborative field"
          hint="Open a field as {table}:{rowId}:{column}, for example crm_contacts:…:notes."
        />
      }
    >
      {(t) => (
        <section class="card stack stack--tight" data-testid="doc-playground">
          <div class="card__head card__head--wrap">
            <div>
              <h2 class="card__title">{t.field.label}</h2>
              <p class="card__subtitle">
                Developer preview of a field edited together: <code>{params.docName}</code>
              </p>
            </div>
            <PresenceBadge entity={{ entity_type: t.field.entityType, entity_id: t.rowId }} />
          </div>
          <Show when={readOnly()}>
            <Notice tone="info">Your role lets you read this field, not change it.</Notice>
          </Show>
          <Show when={session.user} keyed>
            {(user) => (
              <CollaborativeText
                id="doc-text"
                label={t.field.label}
                workspaceId={params.workspaceId}
                docName={params.docName}
                me={{ id: user.id, name: user.name }}
                readOnly={readOnly()}
                rows={8}
                presenceField={t.column}
                onSessionEnded={() => void refresh()}
              />
            )}
          </Show>
        </section>
      )}
    </Show>
  );
}
