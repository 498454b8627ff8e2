// A post's text edited together follows the same rules as PATCH …/posts/{id}: no edits
// once it is publishing or out, the network's character limit, and an approved post
// changed by a contributor goes back for approval.
import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DOC_CLOSE } from "../../durable-objects/doc-protocol";
import { parseDocName } from "../../worker/features/docs/collaborative-fields";
import { writeBackField } from "../../worker/features/docs/write-back-field";
import { connectDoc } from "../docs/doc-client";
import type { Client } from "../helpers/api";
import { teammate } from "../helpers/workspaces";
import { createPosts, db, inMinutes, readPost, socialWorkspace } from "./social-helpers";

const roomOf = (workspaceId: string) => env.WORKSPACE_ROOM.get(env.WORKSPACE_ROOM.idFromName(workspaceId));

/** The write-back waits two seconds after the last edit: make it due, and ring the alarm now. */
async function writeBackNow(workspaceId: string) {
  const stub = roomOf(workspaceId);
  await runInDurableObject(stub, (_room, state) => {
    state.storage.sql.exec("UPDATE doc_pending SET flush_at = 0");
  });
  await runDurableObjectAlarm(stub);
}

async function sandboxAccount(who: Client, workspaceId: string, platform: string) {
  const res = await who.fetch(`/api/v1/workspaces/${workspaceId}/social-accounts/sandbox`, {
    method: "POST",
    json: { platform },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string };
}

async function setStatus(postId: string, status: "publishing" | "published") {
  const d = db();
  const t = d.t.socialMediaPosts;
  await d.atomic((q) => [q.update(t).set({ status }).where(eq(t.id, postId))]);
}

describe("co-editing a post", { timeout: 20_000 }, () => {
  it("sends an approved post a contributor edits back for approval, as PATCH does", async () => {
    const { owner, workspace } = await socialWorkspace();
    const account = await sandboxAccount(owner.client, workspace.id, "linkedin");
    const contributor = await teammate(workspace.id, "contributor");
    const { data } = await createPosts(contributor.client, workspace.id, {
      account_ids: [account.id],
      content: "Our spring sale",
      status: "scheduled",
      scheduled_at: inMinutes(60),
    });
    const id = data[0]?.id ?? "";
    expect(data[0]?.status).toBe("pending_approval");
    const approve = await owner.client.fetch(`/api/v1/workspaces/${workspace.id}/posts/${id}/approve`, {
      method: "POST",
      json: {},
    });
    expect(approve.status).toBe(200);
    expect((await readPost(id)).status).toBe("scheduled");

    const doc = await connectDoc(contributor.client, workspace.id, `social_media_posts:${id}:content`);
    await doc.synced;
    doc.text.insert(doc.text.length, " starts now, everything free");
    await doc.roundTrip();
    await writeBackNow(workspace.id);
    const row = await readPost(id);
    expect(row.content).toBe("Our spring sale starts now, everything free");
    expect(row.status).toBe("pending_approval");
    doc.ws.close(1000);
  });

  it("keeps an approved post scheduled when an editor who may publish changes it", async () => {
    const { owner, workspace } = await socialWorkspace();
    const account = await sandboxAccount(owner.client, workspace.id, "linkedin");
    const { data } = await createPosts(owner.client, workspace.id, {
      account_ids: [account.id],
      content: "Opening hours",
      status: "scheduled",
      scheduled_at: inMinutes(60),
    });
    const id = data[0]?.id ?? "";
    const doc = await connectDoc(owner.client, workspace.id, `social_media_posts:${id}:content`);
    await doc.synced;
    doc.text.insert(doc.text.length, " change on Monday");
    await doc.roundTrip();
    await writeBackNow(workspace.id);
    expect(await readPost(id)).toMatchObject({ content: "Opening hours change on Monday", status: "scheduled" });
    doc.ws.close(1000);
  });

  it("joins a published post read-only: edits are dropped and the row keeps its text", async () => {
    const { owner, workspace } = await socialWorkspace();
    const account = await sandboxAccount(owner.client, workspace.id, "linkedin");
    const { data } = await createPosts(owner.client, workspace.id, { account_ids: [account.id], content: "Live now" });
    const id = data[0]?.id ?? "";
    await setStatus(id, "published");
    const doc = await connectDoc(owner.client, workspace.id, `social_media_posts:${id}:content`);
    await doc.synced;
    doc.text.insert(0, "Edited: ");
    await doc.roundTrip();
    await writeBackNow(workspace.id);
    expect((await readPost(id)).content).toBe("Live now");
    expect(await roomOf(workspace.id).readDocText(`social_media_posts:${id}:content`, workspace.id)).toBe("Live now");
    doc.ws.close(1000);
  });

  it("refuses the write-back of a post that started publishing while it was open", async () => {
    const { owner, workspace } = await socialWorkspace();
    const account = await sandboxAccount(owner.client, workspace.id, "linkedin");
    const { data } = await createPosts(owner.client, workspace.id, {
      account_ids: [account.id],
      content: "Going out soon",
      status: "scheduled",
      scheduled_at: inMinutes(60),
    });
    const id = data[0]?.id ?? "";
    const doc = await connectDoc(owner.client, workspace.id, `social_media_posts:${id}:content`);
    await doc.synced;
    // The cron claims it while the editor is open.
    await setStatus(id, "publishing");
    doc.text.insert(doc.text.length, " (last-minute change)");
    await doc.roundTrip();
    await writeBackNow(workspace.id);
    const closed = await doc.closed;
    expect(closed.code).toBe(DOC_CLOSE.LOCKED);
    expect(closed.reason).toMatch(/publishing/);
    expect((await readPost(id)).content).toBe("Going out soon");
    // Joining again is read-only, and shows the saved text.
    const again = await connectDoc(owner.client, workspace.id, `social_media_posts:${id}:content`);
    await again.synced;
    expect(again.text.toString()).toBe("Going out soon");
    again.ws.close(1000);
  });

  it("holds the text to the post's network limit, as typed and on write-back", async () => {
    const { owner, workspace } = await socialWorkspace();
    const account = await sandboxAccount(owner.client, workspace.id, "twitter");
    const { data } = await createPosts(owner.client, workspace.id, { account_ids: [account.id], content: "Short" });
    const id = data[0]?.id ?? "";
    const name = `social_media_posts:${id}:content`;
    const doc = await connectDoc(owner.client, workspace.id, name);
    await doc.synced;
    doc.text.insert(doc.text.length, "x".repeat(300));
    const closed = await doc.closed;
    expect(closed.code).toBe(DOC_CLOSE.TOO_LARGE);
    expect(closed.reason).toMatch(/X takes at most 280 characters/);
    expect(await roomOf(workspace.id).readDocText(name, workspace.id)).toBe("Short");

    // Whatever reaches the write-back (a limit that changed while the room held the text) is held to it too.
    const target = parseDocName(name);
    if (!target) throw new Error("posts are a collaborative field");
    const write = (text: string) =>
      writeBackField(env, db(), { workspaceId: workspace.id, target, text, editor: { id: owner.user.id, name: "O" } });
    expect(await write("y".repeat(281))).toBe("too_long");
    expect((await readPost(id)).content).toBe("Short");
    expect(await write("y".repeat(280))).toBe("written");
  });
});
