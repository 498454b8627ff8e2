import { A, useNavigate, useParams } from "@solidjs/router";
import { createEffect, createSignal, For, type JSX, Match, on, Show, Switch } from "solid-js";
import { ApiError } from "../../lib/api-error";
import { live } from "../../lib/live/live";
import { useViewing } from "../../lib/live/use-viewing";
import { CollaborativeText } from "../../ui/collaborative-text";
import { ConfirmDialog } from "../../ui/confirm-dialog";
import { EmptyState } from "../../ui/empty-state";
import { ErrorState } from "../../ui/error-state";
import { describedBy, Field } from "../../ui/field";
import { Loading } from "../../ui/loading";
import { Notice } from "../../ui/notice";
import { PresenceBadge } from "../../ui/presence-badge";
import { refresh, session } from "../auth/session-store";
import { ConflictNotice } from "../workspaces/conflict-notice";
import { workspacePath } from "../workspaces/workspace-path";
import { can } from "../workspaces/workspaces-store";
import { type FormField, formOf } from "./contact-form";
import { ContactTimeline } from "./contact-timeline";
import { contactName, FIELD_LABELS, STATUS_LABELS, STATUSES } from "./contact-types";
import { createContactDraft } from "./create-contact-draft";
import { isOverdue, shortDate } from "./format-contact";

/**
 * /app/w/:workspaceId/crm/contacts/:contactId — one contact: every field, editable by those
 * who may; notes written together with whoever else has it open; who is here; "mark
 * contacted"; and its timeline.
 */
export function ContactPage() {
  const params = useParams<{ workspaceId: string; contactId: string }>();
  const navigate = useNavigate();
  const contact = createContactDraft(
    () => params.workspaceId,
    () => params.contactId,
  );
  createEffect(on(() => params.contactId, contact.load));
  const entity = () => ({ entity_type: "crm_contact", entity_id: params.contactId });
  useViewing(() => (contact.status() === "ready" ? entity() : null));

  const [followUp, setFollowUp] = createSignal("");
  const [actionError, setActionError] = createSignal<string | null>(null);
  const [contacting, setContacting] = createSignal(false);
  const [deleting, setDeleting] = createSignal(false);
  const [removing, setRemoving] = createSignal(false);

  const canEdit = () => can("crm.contacts.update");
  const crm = () => workspacePath(params.workspaceId, "/crm");

  const markContacted = () => {
    setActionError(null);
    setContacting(true);
    contact
      .markContacted(followUp() || null)
      .then(() => setFollowUp(""))
      .catch((failure) => setActionError(ApiError.from(failure).message))
      .finally(() => setContacting(false));
  };
  const remove = () => {
    setRemoving(true);
    contact
      .remove()
      .then(() => navigate(crm()))
      .catch((failure) => setActionError(ApiError.from(failure).message))
      .finally(() => {
        setRemoving(false);
        setDeleting(false);
      });
  };

  /** The contact that already has the email just refused (the API names it), to open instead. */
  const takenBy = () => {
    const details = contact.form.error()?.details as { existing_contact_id?: unknown } | null | undefined;
    return typeof details?.existing_contact_id === "string" ? details.existing_contact_id : null;
  };

  /** A labelled input bound to the draft, its error under it, and who else is in it. */
  const input = (key: FormField, props: { type?: string; hint?: JSX.Element } = {}) => (
    <div>
      <Field
        id={`contact-${key}`}
        label={FIELD_LABELS[key] ?? key}
        error={contact.form.fieldError(key)}
        hint={props.hint}
        aside={<PresenceBadge entity={entity()} field={key} />}
      >
        <input
          id={`contact-${key}`}
          name={key}
          class="input"
          type={props.type ?? "text"}
          value={contact.draft[key]}
          readOnly={!canEdit()}
          aria-invalid={Boolean(contact.form.fieldError(key))}
          aria-describedby={describedBy(`contact-${key}`)}
          onInput={(event) => contact.setDraft(key, event.currentTarget.value)}
        />
      </Field>
    </div>
  );

  const section = (title: string, children: JSX.Element) => (
    <fieldset class="crm-form__section">
      <legend class="section-title">{title}</legend>
      <div class="form--grid">{children}</div>
    </fieldset>
  );

  return (
    <Switch fallback={<Loading label="Loading the contact…" />}>
      <Match when={contact.status() === "deleted"}>
        <EmptyState
          icon="crm"
          title="This contact was deleted"
          hint="Someone in the workspace deleted it. The activity log says who."
          action={{ label: "Back to contacts", href: crm() }}
        />
      </Match>
      <Match when={contact.status() === "error"}>
        <ErrorState
          title={
            contact.loadError()?.status === 404 ? "We couldn't find this contact" : "We couldn't load this contact"
          }
          error={contact.loadError()}
          onRetry={() => void contact.load()}
        />
      </Match>
      <Match when={contact.status() === "ready" && contact.base()}>
        {(base) => (
          <div class="crm-contact" data-testid="contact-page">
            <div class="crm-contact__head">
              <div>
                <A href={crm()} class="link link--small">
                  ← Contacts
                </A>
                <h2 class="card__title card__title--large" data-testid="contact-name">
                  {contactName(base().contact)}
                </h2>
                <p class="muted">
                  {STATUS_LABELS[base().contact.status]} · score {base().contact.lead_score}
                  <Show when={base().contact.last_contacted}>{(at) => <> · last contacted {shortDate(at())}</>}</Show>
                  <Show when={base().contact.next_follow_up}>
                    {(at) => <span classList={{ "crm-overdue": isOverdue(at()) }}> · follow up {shortDate(at())}</span>}
                  </Show>
                </p>
              </div>
              <PresenceBadge entity={entity()} />
            </div>

            <div class="crm-contact__grid">
              <form
                class="card form"
                novalidate
                data-testid="contact-form"
                onSubmit={(event) => {
                  event.preventDefault();
                  contact.save();
                }}
                onFocusIn={(event) => {
                  const name = (event.target as HTMLInputElement).name;
                  if (name) live.setEditing(name);
                }}
                onFocusOut={() => live.setEditing(null)}
              >
                <Show when={contact.conflict()}>
                  {(c) => (
                    <ConflictNotice
                      fields={Object.keys(formOf(c().current)).filter(
                        (key) => formOf(c().current)[key as FormField] !== base().values[key as FormField],
                      )}
                      labels={FIELD_LABELS}
                      pending={contact.form.pending()}
                      onKeepMine={contact.keepMine}
                      onTakeTheirs={contact.takeTheirs}
                    />
                  )}
                </Show>
                <Show when={contact.clash().length > 0 && !contact.conflict()}>
                  <Notice tone="warning">
                    Someone else just changed{" "}
                    {contact
                      .clash()
                      .map((k) => FIELD_LABELS[k] ?? k)
                      .join(", ")}{" "}
                    while you were editing. Saving will ask whether to keep yours or take theirs.
                  </Notice>
                </Show>
                <Show when={contact.form.formError()}>{(m) => <Notice tone="error">{m()}</Notice>}</Show>
                {section(
                  "Person",
                  <>
                    {input("first_name")}
                    {input("last_name")}
                    {input("email", {
                      type: "email",
                      hint: (
                        <Show when={takenBy()}>
                          {(id) => (
                            <A class="link" href={workspacePath(params.workspaceId, `/crm/contacts/${id()}`)}>
                              Open the contact with this email
                            </A>
                          )}
                        </Show>
                      ),
                    })}
                    {input("phone", { type: "tel" })}
                    {input("company")}
                    {input("position")}
                  </>,
                )}
                {section(
                  "Pipeline",
                  <>
                    <Field
                      id="contact-status"
                      label="Status"
                      error={contact.form.fieldError("status")}
                      aside={<PresenceBadge entity={entity()} field="status" />}
                    >
                      <select
                        id="contact-status"
                        name="status"
                        class="input"
                        disabled={!canEdit()}
                        value={contact.draft.status}
                        aria-describedby={describedBy("contact-status")}
                        onChange={(event) => contact.setDraft("status", event.currentTarget.value)}
                      >
                        <For each={STATUSES}>
                          {(s) => (
                            <option value={s} selected={contact.draft.status === s}>
                              {STATUS_LABELS[s]}
                            </option>
                          )}
                        </For>
                      </select>
                    </Field>
                    {input("lead_score", { type: "number" })}
                    {input("source")}
                    {input("tags", { hint: "Separate tags with commas." })}
                    {input("last_contacted", { type: "date" })}
                    {input("next_follow_up", { type: "date" })}
                  </>,
                )}
                <Field
                  id="contact-address"
                  label="Address"
                  error={contact.form.fieldError("address")}
                  aside={<PresenceBadge entity={entity()} field="address" />}
                >
                  <textarea
                    id="contact-address"
                    name="address"
                    class="input textarea"
                    rows={2}
                    readOnly={!canEdit()}
                    value={contact.draft.address}
                    aria-describedby={describedBy("contact-address")}
                    onInput={(event) => contact.setDraft("address", event.currentTarget.value)}
                  />
                </Field>
                <Show when={canEdit()}>
                  <div class="form-actions">
                    <button
                      type="submit"
                      class="button button--primary"
                      disabled={contact.form.pending() || !contact.dirty()}
                    >
                      {contact.form.pending() ? "Saving…" : "Save changes"}
                    </button>
                    <Show when={contact.dirty()}>
                      <button type="button" class="button button--ghost" onClick={contact.discard}>
                        Discard
                      </button>
                    </Show>
                    <Show when={contact.saved() && !contact.dirty()}>
                      <span class="saved" role="status" data-testid="contact-saved">
                        Saved
                      </span>
                    </Show>
                  </div>
                </Show>
              </form>

              <div class="stack">
                <section class="card stack stack--tight" aria-labelledby="follow-up-title">
                  <h2 class="card__title" id="follow-up-title">
                    Follow-up
                  </h2>
                  <Show when={actionError()}>{(m) => <Notice tone="error">{m()}</Notice>}</Show>
                  <Show when={canEdit()}>
                    <Field id="contact-next" label="Next follow-up (optional)" hint="Leave empty to clear it.">
                      <input
                        id="contact-next"
                        class="input"
                        type="date"
                        value={followUp()}
                        aria-describedby={describedBy("contact-next")}
                        onInput={(event) => setFollowUp(event.currentTarget.value)}
                      />
                    </Field>
                    <button
                      type="button"
                      class="button button--primary"
                      disabled={contacting()}
                      onClick={markContacted}
                      data-testid="mark-contacted"
                    >
                      {contacting() ? "Saving…" : "Mark contacted now"}
                    </button>
                  </Show>
                </section>
                {/* The field's own label names it; a heading here would say "Notes" twice. */}
                <div class="card">
                  {/* Keyed on the document too: another contact's notes need a connection of their own. */}
                  <Show when={session.user && { user: session.user, contactId: params.contactId }} keyed>
                    {({ user }) => (
                      <CollaborativeText
                        id="contact-notes"
                        label="Notes"
                        workspaceId={params.workspaceId}
                        docName={`crm_contacts:${params.contactId}:notes`}
                        me={{ id: user.id, name: user.name }}
                        readOnly={!canEdit()}
                        rows={6}
                        presenceField="notes"
                        placeholder="What you talked about, what comes next…"
                        onSessionEnded={() => void refresh()}
                      />
                    )}
                  </Show>
                </div>
                <Show when={can("activity.read")}>
                  <ContactTimeline workspaceId={params.workspaceId} contactId={params.contactId} />
                </Show>
                <Show when={can("crm.contacts.delete")}>
                  <button type="button" class="button button--danger" onClick={() => setDeleting(true)}>
                    Delete contact
                  </button>
                </Show>
              </div>
            </div>
            <ConfirmDialog
              open={deleting()}
              title={`Delete ${contactName(base().contact)}?`}
              body={<p>Their details, tags and notes are deleted for everyone in the workspace.</p>}
              confirmLabel="Delete contact"
              danger
              pending={removing()}
              onConfirm={remove}
              onCancel={() => setDeleting(false)}
            />
          </div>
        )}
      </Match>
    </Switch>
  );
}
