import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { connectD1 } from "../../db/connect-d1";
import { errorOf, signUp } from "../helpers/api";
import { createWorkspace, teammate } from "../helpers/workspaces";

const db = () => connectD1(env.DB);
const activity = (workspaceId: string, type: string) =>
  db()
    .q.select()
    .from(db().t.activityLogs)
    .where(and(eq(db().t.activityLogs.workspace_id, workspaceId), eq(db().t.activityLogs.type, type)));

describe("workspaces", () => {
  it("creates a workspace with me as owner, a suggested slug and an activity entry", async () => {
    const { client: me, user } = await signUp({ name: "Maya Chen" });
    const ws = await createWorkspace(me, "Café Crème Studio!");
    expect(ws).toMatchObject({ name: "Café Crème Studio!", slug: "cafe-creme-studio", my_role: "owner" });
    expect(ws.my_permissions).toContain("billing.manage");
    const entries = await activity(ws.id, "workspace.created");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ user_id: user.id, entity_type: "workspace", entity_id: ws.id });

    const second = await createWorkspace(me, "Café Crème Studio!");
    expect(second.slug).toBe("cafe-creme-studio-2");
    const list = await me.fetch("/api/v1/workspaces");
    const { data } = (await list.json()) as { data: { id: string; my_role: string }[] };
    expect(data.map((w) => w.id)).toEqual([ws.id, second.id]);
  });

  it("pages through my workspaces", async () => {
    const { client: me } = await signUp();
    for (const name of ["One", "Two", "Three"]) await createWorkspace(me, `${name} Co`);
    const first = (await (await me.fetch("/api/v1/workspaces?limit=2")).json()) as {
      data: unknown[];
      next_cursor: string;
    };
    expect(first.data).toHaveLength(2);
    const rest = (await (await me.fetch(`/api/v1/workspaces?limit=2&cursor=${first.next_cursor}`)).json()) as {
      data: { name: string }[];
      next_cursor: null;
    };
    expect(rest).toMatchObject({ data: [{ name: "Three Co" }], next_cursor: null });
  });

  it("refuses a taken or reserved slug, suggesting a free one", async () => {
    const { client: me } = await signUp();
    const ws = await createWorkspace(me, "Taken");
    const taken = await me.fetch("/api/v1/workspaces", { method: "POST", json: { name: "Other", slug: ws.slug } });
    expect(taken.status).toBe(409);
    expect((await errorOf(taken)).details).toMatchObject({ path: "slug", suggestion: `${ws.slug}-2` });
    const reserved = await me.fetch("/api/v1/workspaces", { method: "POST", json: { name: "Api", slug: "api" } });
    expect(reserved.status).toBe(422);
  });

  it("updates name, slug, branding and settings, merging JSON and logging the changes", async () => {
    const { client: me } = await signUp();
    const ws = await createWorkspace(me, "Before");
    const res = await me.fetch(`/api/v1/workspaces/${ws.id}`, {
      method: "PATCH",
      json: { name: "After", branding: { primary_color: "#112233" }, settings: { timezone: "Asia/Tokyo" } },
    });
    expect(res.status).toBe(200);
    await me.fetch(`/api/v1/workspaces/${ws.id}`, { method: "PATCH", json: { branding: { font: "Lora" } } });
    const detail = (await (await me.fetch(`/api/v1/workspaces/${ws.id}`)).json()) as Record<string, unknown>;
    expect(detail).toMatchObject({
      name: "After",
      branding: { primary_color: "#112233", font: "Lora" },
      settings: { timezone: "Asia/Tokyo" },
    });
    const [entry] = await activity(ws.id, "workspace.updated");
    expect(entry?.metadata).toMatchObject({ changes: { name: { from: "Before", to: "After" } } });
  });

  it.each([
    [{ branding: { primary_color: "red" } }, "branding.primary_color"],
    [{ branding: { font: "Comic Sans" } }, "branding.font"],
    [{ branding: { logo_url: "javascript:alert(1)" } }, "branding.logo_url"],
    [{ settings: { timezone: "Nowhere/Land" } }, "settings.timezone"],
    [{ settings: { posting_slots: ["25:00"] } }, "settings.posting_slots.0"],
    [{ slug: "Bad Slug" }, "slug"],
    [{ name: "" }, "name"],
    [{ owner_id: "x" }, ""],
  ])("refuses %j and changes nothing", async (json, path) => {
    const { client: me } = await signUp();
    const ws = await createWorkspace(me, "Stable");
    const res = await me.fetch(`/api/v1/workspaces/${ws.id}`, { method: "PATCH", json });
    expect(res.status).toBe(422);
    expect((await errorOf(res)).details).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
    const after = (await (await me.fetch(`/api/v1/workspaces/${ws.id}`)).json()) as { name: string; slug: string };
    expect(after).toMatchObject({ name: "Stable", slug: ws.slug });
    expect(await activity(ws.id, "workspace.updated")).toHaveLength(0);
  });

  it("hides a workspace from non-members with 404, and refuses roles without the action with 403", async () => {
    const { client: owner } = await signUp();
    const ws = await createWorkspace(owner);
    const stranger = await signUp();
    for (const [method, path] of [
      ["GET", ""],
      ["PATCH", ""],
      ["DELETE", ""],
    ] as const) {
      const res = await stranger.client.fetch(`/api/v1/workspaces/${ws.id}${path}`, {
        method,
        ...(method !== "GET" && { json: {} }),
      });
      expect(res.status).toBe(404);
    }
    const viewer = await teammate(ws.id, "viewer");
    const read = await viewer.client.fetch(`/api/v1/workspaces/${ws.id}`);
    expect(read.status).toBe(200);
    expect(((await read.json()) as { my_permissions: string[] }).my_permissions).not.toContain("workspace.update");
    const write = await viewer.client.fetch(`/api/v1/workspaces/${ws.id}`, { method: "PATCH", json: { name: "Mine" } });
    expect(write.status).toBe(403);
    expect(await errorOf(write)).toMatchObject({ code: "forbidden", details: { action: "workspace.update" } });
  });

  it("applies per-member grants and revocations on top of the role", async () => {
    const { client: owner } = await signUp();
    const ws = await createWorkspace(owner);
    const viewer = await teammate(ws.id, "viewer", { grant: ["workspace.update"], revoke: ["activity.read"] });
    const detail = (await (await viewer.client.fetch(`/api/v1/workspaces/${ws.id}`)).json()) as {
      my_permissions: string[];
    };
    expect(detail.my_permissions).toContain("workspace.update");
    expect(detail.my_permissions).not.toContain("activity.read");
    expect(
      (await viewer.client.fetch(`/api/v1/workspaces/${ws.id}`, { method: "PATCH", json: { name: "Granted" } })).status,
    ).toBe(200);
    const sneaky = await teammate(ws.id, "admin", { grant: ["workspace.delete"] });
    const del = await sneaky.client.fetch(`/api/v1/workspaces/${ws.id}`, {
      method: "DELETE",
      json: { confirm_slug: ws.slug },
    });
    expect(del.status).toBe(403);
  });

  it("keeps a suspended workspace readable but read-only", async () => {
    const { client: owner } = await signUp();
    const ws = await createWorkspace(owner);
    await db().atomic((q) => [
      q.update(db().t.workspaces).set({ status: "suspended" }).where(eq(db().t.workspaces.id, ws.id)),
    ]);
    expect((await owner.fetch(`/api/v1/workspaces/${ws.id}`)).status).toBe(200);
    const res = await owner.fetch(`/api/v1/workspaces/${ws.id}`, { method: "PATCH", json: { name: "Nope" } });
    expect(res.status).toBe(403);
    expect((await errorOf(res)).details).toMatchObject({ workspace_status: "suspended" });
  });

  it("transfers ownership to a member, and the old owner becomes an admin", async () => {
    const { client: owner, user: ownerUser } = await signUp();
    const ws = await createWorkspace(owner);
    const editor = await teammate(ws.id, "editor");
    const outsider = await signUp();
    expect(
      (
        await owner.fetch(`/api/v1/workspaces/${ws.id}/transfer`, {
          method: "POST",
          json: { user_id: outsider.user.id },
        })
      ).status,
    ).toBe(404);
    const res = await owner.fetch(`/api/v1/workspaces/${ws.id}/transfer`, {
      method: "POST",
      json: { user_id: editor.user.id },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ owner_id: editor.user.id, my_role: "admin" });
    const [row] = await db()
      .q.select()
      .from(db().t.workspaceMembers)
      .where(and(eq(db().t.workspaceMembers.workspace_id, ws.id), eq(db().t.workspaceMembers.user_id, ownerUser.id)));
    expect(row?.role).toBe("admin");
    expect(
      (await owner.fetch(`/api/v1/workspaces/${ws.id}/transfer`, { method: "POST", json: { user_id: ownerUser.id } }))
        .status,
    ).toBe(403);
  });

  it("deletes a workspace only with its slug typed, cascading its data", async () => {
    const { client: owner } = await signUp();
    const ws = await createWorkspace(owner);
    const viewer = await teammate(ws.id, "viewer");
    const wrong = await owner.fetch(`/api/v1/workspaces/${ws.id}`, {
      method: "DELETE",
      json: { confirm_slug: "nope" },
    });
    expect(wrong.status).toBe(422);
    expect(
      (await viewer.client.fetch(`/api/v1/workspaces/${ws.id}`, { method: "DELETE", json: { confirm_slug: ws.slug } }))
        .status,
    ).toBe(403);
    const ok = await owner.fetch(`/api/v1/workspaces/${ws.id}`, { method: "DELETE", json: { confirm_slug: ws.slug } });
    expect(ok.status).toBe(204);
    expect(await db().q.$count(db().t.workspaceMembers, eq(db().t.workspaceMembers.workspace_id, ws.id))).toBe(0);
    expect(await db().q.$count(db().t.activityLogs, eq(db().t.activityLogs.workspace_id, ws.id))).toBe(0);
    expect((await owner.fetch(`/api/v1/workspaces/${ws.id}`)).status).toBe(404);
  });

  it("answers 404, never 500, to writes that lose the race with the workspace's deletion", async () => {
    const { client: owner } = await signUp();
    const ws = await createWorkspace(owner);
    const base = `/api/v1/workspaces/${ws.id}`;
    const created = await owner.fetch(`${base}/contacts`, { method: "POST", json: { first_name: "Ada" } });
    const contact = (await created.json()) as { id: string };
    const writes = () => [
      owner.fetch(`${base}/contacts`, { method: "POST", json: { first_name: "Grace", tags: ["vip"] } }),
      owner.fetch(`${base}/contacts/${contact.id}`, { method: "PATCH", json: { tags: ["later"] } }),
      owner.fetch(`${base}/bio-pages`, {
        method: "POST",
        json: { title: "Links", slug: `race-${crypto.randomUUID().slice(0, 8)}` },
      }),
      owner.fetch(`${base}/invitations`, {
        method: "POST",
        json: { email: `late-${crypto.randomUUID()}@example.com`, role: "viewer" },
      }),
      owner.fetch(`${base}/invite-link`, { method: "POST", json: { role: "viewer" } }),
      owner.fetch(`${base}/contacts/imports?file_name=late.csv`, {
        method: "POST",
        body: "First Name\nAda\n",
        headers: { "Content-Type": "text/csv" },
      }),
    ];
    // The deletion goes last: the writes are past the membership check when it commits.
    const pending = [...writes(), ...writes()];
    const deleted = await owner.fetch(base, { method: "DELETE", json: { confirm_slug: ws.slug } });
    const answers = await Promise.all(pending);
    expect(deleted.status).toBe(204);
    const statuses = answers.map((res) => res.status);
    expect(
      statuses.every((status) => status < 500),
      statuses.join(),
    ).toBe(true);
    for (const res of answers.filter((r) => r.status === 404)) expect((await errorOf(res)).code).toBe("not_found");
    expect((await owner.fetch(base)).status).toBe(404);
  });

  it("answers 404 for a malformed workspace id, like any unknown one", async () => {
    const { client: me } = await signUp();
    expect((await me.fetch("/api/v1/workspaces/not-a-uuid")).status).toBe(404);
    expect((await me.fetch("/api/v1/workspaces/01900000-0000-7000-8000-000000000000")).status).toBe(404);
  });
});
