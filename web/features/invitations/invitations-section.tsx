import { createSignal, For, Match, Show, Switch } from "solid-js";
import { canAssignRole, type Role } from "../../../worker/lib/permissions";
import { ApiError } from "../../lib/api-error";
import { createSubmission } from "../../lib/create-submission";
import { fullTime, relativeTime } from "../../lib/relative-time";
import { ConfirmDialog } from "../../ui/confirm-dialog";
import { ErrorState } from "../../ui/error-state";
import { describedBy, Field } from "../../ui/field";
import { Icon } from "../../ui/icon";
import { Loading } from "../../ui/loading";
import { Notice } from "../../ui/notice";
import type { Member } from "../members/members-store";
import { ROLE_LABELS, roleLabel } from "../members/role-labels";
import { createInvitationsStore, type Invitation, type NewInvitation } from "./invitations-store";
import { InviteLinkCard } from "./invite-link-card";

/** The roles an invitation can carry (the column's enum), highest first. */
const INVITATION_ROLES = [
  "admin",
  "editor",
  "contributor",
  "viewer",
] as const satisfies readonly NewInvitation["role"][];

/** Invite by email, the invitations still waiting for an answer, and the reusable invite link. */
export function InvitationsSection(props: { workspaceId: string; myRole: Role; members: Member[] }) {
  const invitations = createInvitationsStore(() => props.workspaceId);
  void invitations.load();
  const roles = () => INVITATION_ROLES.filter((role) => canAssignRole(props.myRole, role));

  const [email, setEmail] = createSignal("");
  const [role, setRole] = createSignal<NewInvitation["role"]>("editor");
  const [message, setMessage] = createSignal("");
  const [sent, setSent] = createSignal<string | null>(null);
  const form = createSubmission(["email", "role", "message"]);

  const [busy, setBusy] = createSignal<string | null>(null);
  const [rowNotice, setRowNotice] = createSignal<{ tone: "success" | "error"; text: string } | null>(null);
  const [revoking, setRevoking] = createSignal<Invitation | null>(null);

  const chosenRole = () => (roles().includes(role()) ? role() : (roles()[0] ?? "viewer"));
  const inviterName = (userId: string) => props.members.find((m) => m.user_id === userId)?.user.name ?? "Someone";

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setSent(null);
    const address = email().trim();
    if (!address) return form.reject({ email: "Enter the email address to invite." });
    const note = message().trim();
    void form
      .run(async () => {
        await invitations.invite({ email: address, role: chosenRole(), ...(note ? { message: note } : {}) });
      })
      .then((ok) => {
        if (!ok) return;
        setSent(address);
        setEmail("");
        setMessage("");
      });
  };

  const resend = (invitation: Invitation) => {
    setBusy(invitation.id);
    setRowNotice(null);
    invitations
      .resend(invitation.id)
      .then(() => setRowNotice({ tone: "success", text: `Sent the invitation to ${invitation.email} again.` }))
      .catch((failure) => setRowNotice({ tone: "error", text: ApiError.from(failure).message }))
      .finally(() => setBusy(null));
  };

  const revoke = () => {
    const invitation = revoking();
    if (!invitation) return;
    setRevoking(null);
    setRowNotice(null);
    invitations
      .revoke(invitation.id)
      .catch((failure) => setRowNotice({ tone: "error", text: ApiError.from(failure).message }));
  };

  return (
    <>
      <section class="card" aria-labelledby="invite-title" data-testid="invite-card">
        <div class="card__head">
          <div>
            <h2 class="card__title" id="invite-title">
              Invite people
            </h2>
            <p class="card__subtitle">We email them a link that works for 7 days, for that address only.</p>
          </div>
        </div>
        <Show when={sent()}>
          {(address) => (
            <Notice tone="success" testId="invitation-sent">
              Invitation sent to <strong>{address()}</strong>.
            </Notice>
          )}
        </Show>
        <Show when={form.formError()}>{(text) => <Notice tone="error">{text()}</Notice>}</Show>
        <form class="form" onSubmit={submit} novalidate>
          <div class="invite-grid">
            <Field id="invite-email" label="Email" error={form.fieldError("email")}>
              <input
                id="invite-email"
                class="input"
                type="email"
                inputmode="email"
                autocomplete="off"
                placeholder="name@example.com"
                value={email()}
                onInput={(event) => setEmail(event.currentTarget.value)}
                aria-invalid={Boolean(form.fieldError("email")) || undefined}
                aria-describedby={describedBy("invite-email")}
              />
            </Field>
            <Field id="invite-role" label="Role" error={form.fieldError("role")} hint={ROLE_LABELS[chosenRole()].hint}>
              <select
                id="invite-role"
                class="input"
                value={chosenRole()}
                onChange={(event) => {
                  const picked = INVITATION_ROLES.find((r) => r === event.currentTarget.value);
                  if (picked) setRole(picked);
                }}
                aria-describedby={describedBy("invite-role")}
              >
                <For each={roles()}>
                  {(option) => (
                    <option value={option} selected={option === chosenRole()}>
                      {roleLabel(option)}
                    </option>
                  )}
                </For>
              </select>
            </Field>
          </div>
          <Field
            id="invite-message"
            label="Personal note (optional)"
            error={form.fieldError("message")}
            hint="Shown in the invitation email."
          >
            <textarea
              id="invite-message"
              class="input textarea"
              rows={2}
              maxlength={2000}
              value={message()}
              onInput={(event) => setMessage(event.currentTarget.value)}
              aria-describedby={describedBy("invite-message")}
            />
          </Field>
          <div class="form-actions">
            <button type="submit" class="button button--primary" disabled={form.pending() || roles().length === 0}>
              <Icon name="send" size={16} />
              {form.pending() ? "Sending…" : "Send invitation"}
            </button>
          </div>
        </form>
      </section>

      <section class="card" aria-labelledby="pending-title" data-testid="pending-invitations">
        <div class="card__head">
          <h2 class="card__title" id="pending-title">
            Pending invitations
          </h2>
        </div>
        <Show when={rowNotice()}>{(notice) => <Notice tone={notice().tone}>{notice().text}</Notice>}</Show>
        <Switch fallback={<Loading label="Loading invitations…" />}>
          <Match when={invitations.state.status === "error"}>
            <ErrorState
              title="We couldn't load the invitations"
              error={invitations.state.error}
              onRetry={() => void invitations.load()}
            />
          </Match>
          <Match when={invitations.state.status === "ready" && invitations.state.items.length === 0}>
            <p class="muted">No invitations are waiting for an answer.</p>
          </Match>
          <Match when={invitations.state.status === "ready"}>
            <ul class="rows">
              <For each={invitations.state.items}>
                {(invitation) => (
                  <li class="row" data-testid="invitation-row" data-email={invitation.email}>
                    <span class="row__icon">
                      <Icon name="mail" size={18} />
                    </span>
                    <div class="row__main">
                      <p class="row__title">
                        {invitation.email}
                        <span class="badge badge--muted">{roleLabel(invitation.role)}</span>
                      </p>
                      <p class="row__meta">
                        <span>Invited by {inviterName(invitation.invited_by)}</span>
                        <span aria-hidden="true">·</span>
                        <span title={fullTime(invitation.expires_at)}>
                          Expires {relativeTime(invitation.expires_at)}
                        </span>
                      </p>
                    </div>
                    <button
                      type="button"
                      class="button button--small"
                      disabled={busy() === invitation.id}
                      onClick={() => resend(invitation)}
                      aria-label={`Resend the invitation to ${invitation.email}`}
                    >
                      {busy() === invitation.id ? "Sending…" : "Resend"}
                    </button>
                    <button
                      type="button"
                      class="button button--small button--danger"
                      onClick={() => setRevoking(invitation)}
                      aria-label={`Revoke the invitation to ${invitation.email}`}
                    >
                      Revoke
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Match>
        </Switch>
      </section>

      <InviteLinkCard store={invitations} myRole={props.myRole} />

      <ConfirmDialog
        open={revoking() !== null}
        title="Revoke this invitation?"
        body={
          <p>
            The link sent to <strong>{revoking()?.email}</strong> stops working. You can invite them again later.
          </p>
        }
        confirmLabel="Revoke invitation"
        danger
        onConfirm={revoke}
        onCancel={() => setRevoking(null)}
      />
    </>
  );
}
