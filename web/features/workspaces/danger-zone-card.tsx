import { createSignal, For, Show } from "solid-js";
import { createSubmission } from "../../lib/create-submission";
import { flash } from "../../lib/flash";
import { ConfirmDialog } from "../../ui/confirm-dialog";
import { Dialog } from "../../ui/dialog";
import { describedBy, Field } from "../../ui/field";
import { Notice } from "../../ui/notice";
import { session } from "../auth/session-store";
import { createMembersStore } from "../members/members-store";
import { roleLabel } from "../members/role-labels";
import { deleteWorkspace, transferOwnership, type WorkspaceDetail } from "./workspaces-store";

/** Handing the workspace over and deleting it: each shown only to whoever may do it (the owner). */
export function DangerZoneCard(props: { workspace: WorkspaceDetail; canTransfer: boolean; canDelete: boolean }) {
  return (
    <section class="card card--danger" aria-labelledby="danger-zone-title" data-testid="settings-danger">
      <div class="card__head">
        <h2 class="card__title" id="danger-zone-title">
          Danger zone
        </h2>
      </div>
      <div class="danger-rows">
        <Show when={props.canTransfer}>
          <TransferOwnership workspace={props.workspace} />
        </Show>
        <Show when={props.canDelete}>
          <DeleteWorkspace workspace={props.workspace} />
        </Show>
      </div>
    </section>
  );
}

function TransferOwnership(props: { workspace: WorkspaceDetail }) {
  const members = createMembersStore(() => props.workspace.id);
  void members.load();
  const [chosen, setChosen] = createSignal("");
  const [confirming, setConfirming] = createSignal(false);
  const form = createSubmission(["user_id"]);

  const candidates = () =>
    members.state.items.filter((m) => m.status === "active" && m.user_id !== session.user?.id && m.role !== "owner");
  const target = () => candidates().find((m) => m.user_id === chosen());

  const transfer = () => {
    const member = target();
    if (!member) return;
    void form
      .run(() => transferOwnership(member.user_id))
      .then((ok) => {
        setConfirming(false);
        // This card goes away with my owner's permissions: the flash says what happened.
        if (ok) flash.show(`${member.user.name} now owns ${props.workspace.name}. You are an admin.`, "success");
      });
  };

  return (
    <div class="danger-row">
      <div class="danger-row__text">
        <h3 class="danger-row__title">Transfer ownership</h3>
        <p class="muted">The new owner can delete the workspace and manage billing. You stay on as an admin.</p>
        <Show when={form.formError() ?? form.fieldError("user_id")}>
          {(message) => <Notice tone="error">{message()}</Notice>}
        </Show>
      </div>
      <div class="danger-row__action">
        <Field id="transfer-to" label="New owner">
          <select
            id="transfer-to"
            class="input"
            value={chosen()}
            onChange={(event) => setChosen(event.currentTarget.value)}
            aria-describedby={describedBy("transfer-to")}
            disabled={candidates().length === 0}
          >
            <option value="">{candidates().length === 0 ? "No other members yet" : "Choose a member…"}</option>
            <For each={candidates()}>
              {(member) => (
                <option value={member.user_id}>
                  {member.user.name} ({roleLabel(member.role)})
                </option>
              )}
            </For>
          </select>
        </Field>
        <button type="button" class="button button--danger" disabled={!target()} onClick={() => setConfirming(true)}>
          Transfer…
        </button>
      </div>
      <ConfirmDialog
        open={confirming()}
        title="Transfer ownership?"
        body={
          <p>
            <strong>{target()?.user.name}</strong> becomes the owner of <strong>{props.workspace.name}</strong>, and you
            become an admin. Only they can hand it back.
          </p>
        }
        confirmLabel="Transfer ownership"
        danger
        pending={form.pending()}
        onConfirm={transfer}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}

function DeleteWorkspace(props: { workspace: WorkspaceDetail }) {
  const [open, setOpen] = createSignal(false);
  const [typed, setTyped] = createSignal("");
  const form = createSubmission(["confirm_slug"]);
  const close = () => {
    setOpen(false);
    setTyped("");
    form.clear();
  };
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (typed().trim() !== props.workspace.slug) {
      return form.reject({ confirm_slug: `Type ${props.workspace.slug} to confirm.` });
    }
    // The workspace scope sees it gone and goes home, where the flash says it was deleted.
    void form.run(() => deleteWorkspace(typed().trim()));
  };
  return (
    <div class="danger-row">
      <div class="danger-row__text">
        <h3 class="danger-row__title">Delete this workspace</h3>
        <p class="muted">
          Its pages, posts, contacts, campaigns, courses, products and history are deleted for everyone. This cannot be
          undone.
        </p>
      </div>
      <div class="danger-row__action">
        <button type="button" class="button button--danger-solid" onClick={() => setOpen(true)}>
          Delete workspace…
        </button>
      </div>
      <Dialog open={open()} title={`Delete ${props.workspace.name}?`} onClose={close} testId="delete-workspace-dialog">
        <form class="form" onSubmit={submit} novalidate>
          <p class="dialog__body">
            Everything in it is deleted for every member, at once. Type <code>{props.workspace.slug}</code> to confirm.
          </p>
          <Show when={form.formError()}>{(message) => <Notice tone="error">{message()}</Notice>}</Show>
          <Field id="delete-confirm" label="Workspace address" error={form.fieldError("confirm_slug")}>
            <input
              id="delete-confirm"
              class="input"
              type="text"
              autocomplete="off"
              spellcheck={false}
              value={typed()}
              onInput={(event) => setTyped(event.currentTarget.value)}
              aria-invalid={Boolean(form.fieldError("confirm_slug")) || undefined}
              aria-describedby={describedBy("delete-confirm")}
            />
          </Field>
          <div class="dialog__actions">
            <button type="button" class="button" onClick={close} disabled={form.pending()}>
              Cancel
            </button>
            <button
              type="submit"
              class="button button--danger-solid"
              disabled={form.pending() || typed().trim() !== props.workspace.slug}
            >
              {form.pending() ? "Deleting…" : "Delete workspace"}
            </button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
