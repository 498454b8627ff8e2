// Who may do what with social posts and accounts: every role of the permission table
// against every action that schedules, approves, publishes or removes something. The
// expectations are the product's rules, written out by hand — not read from the table
// they check — so a change to ROLE_PERMISSIONS that opens or closes a door shows here.
import { describe, expect, it } from "vitest";
import { uuidv7 } from "../../db/uuidv7";
import type { Role } from "../../worker/lib/permissions";
import type { Client } from "../helpers/api";
import { teammate } from "../helpers/workspaces";
import { createPosts, db, fakeUser, inMinutes, socialWorkspace } from "./social-helpers";

type Action =
  | "compose_scheduled"
  | "compose_draft"
  | "edit_others"
  | "delete_own"
  | "delete_others"
  | "approve"
  | "reject"
  | "retry_one"
  | "retry_bulk"
  | "confirm"
  | "put_slots"
  | "connect_account"
  | "delete_account";

/** The answer each role gets: a status code, and for composing the status the post lands in. */
type Expected = { status: number; post?: "scheduled" | "pending_approval" | "draft" };

const ALLOWED: Record<Action, Expected> = {
  compose_scheduled: { status: 201, post: "scheduled" },
  compose_draft: { status: 201, post: "draft" },
  edit_others: { status: 200 },
  delete_own: { status: 204 },
  delete_others: { status: 204 },
  approve: { status: 200 },
  reject: { status: 200 },
  retry_one: { status: 200 },
  retry_bulk: { status: 200 },
  confirm: { status: 200 },
  put_slots: { status: 200 },
  connect_account: { status: 302 },
  delete_account: { status: 204 },
};
const FORBIDDEN: Expected = { status: 403 };
const denied = (actions: Action[]) => Object.fromEntries(actions.map((a) => [a, FORBIDDEN]));
const ALL = Object.keys(ALLOWED) as Action[];

const MATRIX: Record<Role, Record<Action, Expected>> = {
  owner: ALLOWED,
  admin: ALLOWED,
  editor: ALLOWED,
  // Contributors write and tidy their own posts; whatever makes something public, or touches others' work, is not theirs.
  contributor: {
    ...(denied(ALL) as Record<Action, Expected>),
    compose_scheduled: { status: 201, post: "pending_approval" },
    compose_draft: { status: 201, post: "draft" },
    delete_own: { status: 204 },
  },
  viewer: denied(ALL) as Record<Action, Expected>,
  guest: denied(ALL) as Record<Action, Expected>,
};

async function sandboxAccount(owner: Client, workspaceId: string) {
  const res = await owner.fetch(`/api/v1/workspaces/${workspaceId}/social-accounts/sandbox`, {
    method: "POST",
    json: { platform: "twitter", username: fakeUser("perm") },
  });
  if (res.status !== 201) throw new Error(`no sandbox account: ${res.status}`);
  return ((await res.json()) as { id: string }).id;
}

/** A post row in a given state, written directly (reaching "failed" through the publisher is tested elsewhere). */
async function seedPost(workspaceId: string, accountId: string, createdBy: string, status: string) {
  const d = db();
  const id = uuidv7();
  await d.atomic((q) => [
    q.insert(d.t.socialMediaPosts).values({
      id,
      workspace_id: workspaceId,
      social_media_account_id: accountId,
      group_id: uuidv7(),
      content: `A ${status} post`,
      status: status as "draft",
      scheduled_at: new Date(Date.now() + 3600_000),
      failure_reason: status === "failed" ? "It failed" : null,
      created_by: createdBy,
    }),
  ]);
  return id;
}

describe("who may schedule, approve and publish social posts", { timeout: 30_000 }, () => {
  it.each(Object.keys(MATRIX) as Role[])("as %s", async (role) => {
    const { owner, workspace } = await socialWorkspace();
    const accountId = await sandboxAccount(owner.client, workspace.id);
    const actor = role === "owner" ? owner : await teammate(workspace.id, role);
    // The other author is a contributor, so their posts can wait for approval.
    const other = await teammate(workspace.id, "contributor");
    const base = `/api/v1/workspaces/${workspace.id}`;
    const seed = (status: string, by = other.user.id) => seedPost(workspace.id, accountId, by, status);

    const attempts: Record<Action, () => Promise<Response>> = {
      compose_scheduled: () =>
        actor.client.fetch(`${base}/posts`, {
          method: "POST",
          json: { account_ids: [accountId], content: "Hi", status: "scheduled", scheduled_at: inMinutes(60) },
        }),
      compose_draft: () =>
        actor.client.fetch(`${base}/posts`, { method: "POST", json: { account_ids: [accountId], content: "Draft" } }),
      edit_others: async () =>
        actor.client.fetch(`${base}/posts/${await seed("draft")}`, { method: "PATCH", json: { content: "Mine now" } }),
      delete_own: async () => {
        // Only those who can compose have posts of their own; the others are refused at composing already.
        const own = await seed("draft", actor.user.id);
        return actor.client.fetch(`${base}/posts/${own}`, { method: "DELETE" });
      },
      delete_others: async () => actor.client.fetch(`${base}/posts/${await seed("scheduled")}`, { method: "DELETE" }),
      approve: async () =>
        actor.client.fetch(`${base}/posts/${await seed("pending_approval")}/approve`, { method: "POST", json: {} }),
      reject: async () =>
        actor.client.fetch(`${base}/posts/${await seed("pending_approval")}/reject`, {
          method: "POST",
          json: { comment: "Not yet" },
        }),
      retry_one: async () => actor.client.fetch(`${base}/posts/${await seed("failed")}/retry`, { method: "POST" }),
      retry_bulk: async () =>
        actor.client.fetch(`${base}/posts/retry`, { method: "POST", json: { post_ids: [await seed("failed")] } }),
      confirm: async () =>
        actor.client.fetch(`${base}/posts/${await seed("unconfirmed")}/confirm`, {
          method: "POST",
          json: { published: true, external_post_id: "123" },
        }),
      put_slots: () =>
        actor.client.fetch(`${base}/posts/slots`, { method: "PUT", json: { slots: [{ weekday: 1, time: "09:00" }] } }),
      connect_account: () => actor.client.fetch(`${base}/social-accounts/connect/twitter`),
      delete_account: async () =>
        actor.client.fetch(`${base}/social-accounts/${await sandboxAccount(owner.client, workspace.id)}`, {
          method: "DELETE",
        }),
    };

    const got: Record<string, Expected> = {};
    for (const action of ALL) {
      const res = await attempts[action]();
      const answer: Expected = { status: res.status };
      if (action.startsWith("compose") && res.status === 201) {
        answer.post = ((await res.json()) as { data: { status: Expected["post"] }[] }).data[0]?.status;
      } else if (res.status === 403) {
        // Refusals use the one error shape, and say what was missing.
        const body = (await res.json()) as { error: { code: string; message: string } };
        expect(body.error.code, action).toBe("forbidden");
      } else await res.body?.cancel();
      got[action] = answer;
    }
    expect(got).toEqual(MATRIX[role]);
  });

  it("keeps a refused action from changing anything", async () => {
    const { owner, workspace } = await socialWorkspace();
    const accountId = await sandboxAccount(owner.client, workspace.id);
    const author = await teammate(workspace.id, "contributor");
    const { data } = await createPosts(author.client, workspace.id, {
      account_ids: [accountId],
      content: "Wait for me",
      status: "scheduled",
      scheduled_at: inMinutes(60),
    });
    const postId = data[0]?.id ?? "";
    const peer = await teammate(workspace.id, "contributor");
    const viewer = await teammate(workspace.id, "viewer");
    const base = `/api/v1/workspaces/${workspace.id}/posts/${postId}`;
    for (const who of [peer, viewer, author]) {
      expect((await who.client.fetch(`${base}/approve`, { method: "POST", json: {} })).status).toBe(403);
      expect((await who.client.fetch(base, { method: "DELETE" })).status).toBe(author === who ? 204 : 403);
      if (who !== author) {
        const still = await owner.client.fetch(base);
        expect(((await still.json()) as { status: string }).status).toBe("pending_approval");
      }
    }
  });
});
