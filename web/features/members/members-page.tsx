import { useParams } from "@solidjs/router";
import { createSignal, For, Match, Show, Switch } from "solid-js";
import { canAssignRole, outranks, ROLES } from "../../../worker/lib/permissions";
import { ApiError } from "../../lib/api-error";
import { createSubmission } from "../../lib/create-submission";
import { live } from "../../lib/live/live";
import { fullTime, relativeTime } from "../../lib/relative-time";
import { Avatar } from "../../ui/avatar";
import { ConfirmDialog } from "../../ui/confirm-dialog";
import { ErrorState } from "../../ui/error-state";
import { Loading } from "../../ui/loading";
import { Notice } from "../../ui/notice";
import { session } from "../auth/session-store";
import { InvitationsSection } from "../invitations/invitations-section";
import { can, leaveWorkspace, workspaces } from "../workspaces/workspaces-store";
import { createMembersStore, type Member } from "./members-store";
import { ROLE_LABELS, type Role, roleLabel } from "./role-labels";

/**
 * /app/w/:workspaceId/members — who is in the workspace (and who is online), their roles,
 * and, for those who may invite, invitations and the invite link.
 */
export function MembersPage() {
  const params = useParams<{ workspaceId: string }>();
  const members = createMembersStore(() => params.workspaceId);
  void members.load();
  const [removing, setRemoving] = createSignal<Member | null>(null);
  const [leaving, setLeaving] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const action = createSubmission([]);

  const myRole = (): Role => workspaces.current.workspace?.my_role ?? "viewer";
  const isMe = (member: Member) => member.user_id === session.user?.id;
  /** The API's rule, mirrored: only members ranked below me, never myself or the owner. */
  const canManage = (member: Member) =>
    can("members.manage") && !isMe(member) && member.role !== "owner" && outranks(myRole(), member.role);
  const assignable = () => ROLES.filter((role) => canAssignRole(myRole(), role));
  const online = (member: Member) => live.presence().find((p) => p.user_id === member.user_id);

  const update = (member: Member, changes: { role?: Role; status?: "active" | "suspended" }) => {
    setError(null);
    members.update(member.id, changes).catch((failure) => setError(ApiError.from(failure).message));
  };

  const remove = () => {
    const member = removing();
    if (!member) return;
    setError(null);
    void action
      .run(() => members.remove(member.id))
      .then((ok) => {
        setRemoving(null);
        if (!ok) setError(action.formError());
      });
  };

  const leave = () => {
    void action.run(leaveWorkspace).then((ok) => {
      setLeaving(false);
      if (!ok) setError(action.formError());
    });
  };

  return (
    <div class="stack" data-testid="members-page">
      <section class="card" aria-labelledby="members-title">
        <div class="card__head card__head--wrap">
          <div>
            <h2 class="card__title" id="members-title">
              Members
            </h2>
            <p class="card__subtitle">Everyone with access to {workspaces.current.workspace?.name}, and their role.</p>
          </div>
          <Show when={members.state.status === "ready"}>
            <span class="muted">
              {members.state.items.length === 1 ? "1 member" : `${members.state.items.length} members`}
            </span>
          </Show>
        </div>
        <Show when={error()}>{(message) => <Notice tone="error">{message()}</Notice>}</Show>
        <Switch fallback={<Loading label="Loading members…" />}>
          <Match when={members.state.status === "error"}>
            <ErrorState
              title="We couldn't load the members"
              error={members.state.error}
              onRetry={() => void members.load()}
            />
          </Match>
          <Match when={members.state.status === "ready"}>
            <ul class="rows" data-testid="members">
              <For each={members.state.items}>
                {(member) => (
                  <li class="row" data-testid="member-row" data-email={member.user.email}>
                    <span class="avatar-presence" classList={{ "is-online": Boolean(online(member)) }}>
                      <Avatar name={member.user.name} src={member.user.avatar} size={36} />
                    </span>
                    <div class="row__main">
                      <p class="row__title">
                        {member.user.name}
                        <Show when={isMe(member)}>
                          <span class="badge badge--accent">You</span>
                        </Show>
                        <Show when={member.status !== "active"}>
                          <span class="badge badge--bad">{member.status}</span>
                        </Show>
                      </p>
                      <p class="row__meta">
                        <span>{member.user.email}</span>
                        <Show when={member.joined_at}>
                          {(joined) => (
                            <>
                              <span aria-hidden="true">·</span>
                              <span title={fullTime(joined())}>Joined {relativeTime(joined())}</span>
                            </>
                          )}
                        </Show>
                        <Show when={online(member)}>
                          <span aria-hidden="true">·</span>
                          <span class="online-text">Online now</span>
                        </Show>
                      </p>
                    </div>
                    <Show
                      when={canManage(member)}
                      fallback={<span class="badge badge--muted role-badge">{roleLabel(member.role)}</span>}
                    >
                      <label class="visually-hidden" for={`role-${member.id}`}>
                        Role of {member.user.name}
                      </label>
                      <select
                        id={`role-${member.id}`}
                        class="input input--compact"
                        value={member.role}
                        onChange={(event) => {
                          const role = ROLES.find((r) => r === event.currentTarget.value);
                          if (role && role !== member.role) update(member, { role });
                        }}
                        title={ROLE_LABELS[member.role].hint}
                      >
                        <For each={assignable()}>
                          {(role) => (
                            <option value={role} selected={role === member.role}>
                              {roleLabel(role)}
                            </option>
                          )}
                        </For>
                      </select>
                    </Show>
                    <Switch>
                      <Match when={canManage(member)}>
                        <button
                          type="button"
                          class="button button--small"
                          onClick={() =>
                            update(member, { status: member.status === "suspended" ? "active" : "suspended" })
                          }
                          title={
                            member.status === "suspended"
                              ? "Give them their access back"
                              : "No access until reinstated; their open tabs close now"
                          }
                          aria-label={`${member.status === "suspended" ? "Reinstate" : "Suspend"} ${member.user.name}`}
                        >
                          {member.status === "suspended" ? "Reinstate" : "Suspend"}
                        </button>
                        <button
                          type="button"
                          class="button button--small button--danger"
                          onClick={() => setRemoving(member)}
                          aria-label={`Remove ${member.user.name}`}
                        >
                          Remove
                        </button>
                      </Match>
                      <Match when={isMe(member) && member.role !== "owner"}>
                        <button type="button" class="button button--small" onClick={() => setLeaving(true)}>
                          Leave
                        </button>
                      </Match>
                    </Switch>
                  </li>
                )}
              </For>
            </ul>
          </Match>
        </Switch>
      </section>

      <Show when={can("invitations.manage")}>
        <InvitationsSection workspaceId={params.workspaceId} myRole={myRole()} members={members.state.items} />
      </Show>

      <ConfirmDialog
        open={removing() !== null}
        title="Remove this member?"
        body={
          <p>
            <strong>{removing()?.user.name}</strong> loses access to {workspaces.current.workspace?.name} at once. You
            can invite them again later.
          </p>
        }
        confirmLabel="Remove member"
        danger
        pending={action.pending()}
        onConfirm={remove}
        onCancel={() => setRemoving(null)}
      />
      <ConfirmDialog
        open={leaving()}
        title={`Leave ${workspaces.current.workspace?.name ?? "this workspace"}?`}
        body={<p>You lose access to everything in it. Someone will have to invite you again to come back.</p>}
        confirmLabel="Leave workspace"
        danger
        pending={action.pending()}
        onConfirm={leave}
        onCancel={() => setLeaving(false)}
      />
    </div>
  );
}
