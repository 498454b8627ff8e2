import { createSignal, For, onCleanup, Show } from "solid-js";
import { canAssignRole, type Role } from "../../../worker/lib/permissions";
import { createSubmission } from "../../lib/create-submission";
import { fullTime, relativeTime } from "../../lib/relative-time";
import { ConfirmDialog } from "../../ui/confirm-dialog";
import { Icon } from "../../ui/icon";
import { Notice } from "../../ui/notice";
import { roleLabel } from "../members/role-labels";
import type { createInvitationsStore, InviteLinkRole } from "./invitations-store";

/** The roles an invite link can carry (the column's enum), highest first. */
const LINK_ROLES = ["editor", "contributor", "viewer"] as const satisfies readonly InviteLinkRole[];

/**
 * The workspace's one reusable join link: its role and how often it was used, a new one
 * (whose address is shown this once: only its hash is kept), and a way to turn it off.
 */
export function InviteLinkCard(props: { store: ReturnType<typeof createInvitationsStore>; myRole: Role }) {
  const roles = () => LINK_ROLES.filter((role) => canAssignRole(props.myRole, role));
  const [role, setRole] = createSignal<InviteLinkRole>("viewer");
  const [url, setUrl] = createSignal<string | null>(null);
  const [copied, setCopied] = createSignal(false);
  const [turningOff, setTurningOff] = createSignal(false);
  const form = createSubmission(["role"]);
  let input: HTMLInputElement | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));

  const link = () => props.store.state.link;
  const chosenRole = () => (roles().includes(role()) ? role() : (roles()[0] ?? "viewer"));

  const create = () => {
    setUrl(null);
    void form.run(async () => {
      setUrl(await props.store.createLink(chosenRole()));
    });
  };

  const copy = async () => {
    const value = url();
    if (!value) return;
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      clearTimeout(timer);
      timer = setTimeout(() => setCopied(false), 2000);
    } catch {
      // No clipboard access: select it for Ctrl+C instead.
      input?.select();
    }
  };

  const turnOff = () => {
    setTurningOff(false);
    setUrl(null);
    void form.run(() => props.store.disableLink());
  };

  return (
    <section class="card" aria-labelledby="invite-link-title" data-testid="invite-link">
      <div class="card__head card__head--wrap">
        <div>
          <h2 class="card__title" id="invite-link-title">
            Invite link
          </h2>
          <p class="card__subtitle">
            Anyone with the link and a confirmed email joins in its role. Make a new one to stop the old one working.
          </p>
        </div>
      </div>
      <Show when={form.formError()}>{(text) => <Notice tone="error">{text()}</Notice>}</Show>
      <Show when={link()} fallback={<p class="muted invite-link__state">The invite link is off.</p>}>
        {(current) => (
          <p class="invite-link__state" data-testid="invite-link-state">
            <span class="status-dot status-dot--ok" aria-hidden="true" />
            <span>
              On: people join as <strong>{roleLabel(current().role)}</strong> · used{" "}
              {current().uses === 1 ? "once" : `${current().uses} times`}
              <Show when={current().created_at}>
                {(at) => <span title={fullTime(at())}> · made {relativeTime(at())}</span>}
              </Show>
            </span>
          </p>
        )}
      </Show>
      <Show when={url()}>
        {(value) => (
          <div class="stack stack--tight invite-link__secret">
            <Notice tone="warning">
              Copy this link now: <strong>it is shown only once.</strong> Share it where only your team sees it.
            </Notice>
            <div class="secret">
              <label class="visually-hidden" for="invite-link-url">
                Invite link
              </label>
              <input
                ref={input}
                id="invite-link-url"
                class="input secret__value"
                readonly
                value={value()}
                onFocus={(event) => event.currentTarget.select()}
                data-testid="invite-link-url"
                spellcheck={false}
              />
              <button type="button" class="button" onClick={() => void copy()}>
                <Icon name={copied() ? "check" : "copy"} size={16} />
                {copied() ? "Copied" : "Copy"}
              </button>
            </div>
          </div>
        )}
      </Show>
      <div class="inline-actions invite-link__actions">
        <label class="visually-hidden" for="invite-link-role">
          Role for people who join with the link
        </label>
        <select
          id="invite-link-role"
          class="input input--compact"
          value={chosenRole()}
          onChange={(event) => {
            const picked = LINK_ROLES.find((r) => r === event.currentTarget.value);
            if (picked) setRole(picked);
          }}
        >
          <For each={roles()}>
            {(option) => (
              <option value={option} selected={option === chosenRole()}>
                Join as {roleLabel(option)}
              </option>
            )}
          </For>
        </select>
        <button type="button" class="button" onClick={create} disabled={form.pending() || roles().length === 0}>
          <Icon name="link" size={16} />
          {link() ? "Make a new link" : "Create link"}
        </button>
        <Show when={link()}>
          <button
            type="button"
            class="button button--danger"
            onClick={() => setTurningOff(true)}
            disabled={form.pending()}
          >
            Turn off
          </button>
        </Show>
      </div>
      <ConfirmDialog
        open={turningOff()}
        title="Turn the invite link off?"
        body={<p>The link stops working for anyone who has it. People who already joined stay members.</p>}
        confirmLabel="Turn off"
        danger
        onConfirm={turnOff}
        onCancel={() => setTurningOff(false)}
      />
    </section>
  );
}
