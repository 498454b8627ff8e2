// A story-like harness for social tests: a workspace, accounts connected through the
// real OAuth flow against the fake networks, posts, and the cron and queue run as
// the Workers runtime runs them.
import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  env,
  waitOnExecutionContext,
} from "cloudflare:test";
import { eq } from "drizzle-orm";
import { inject } from "vitest";
import { connectD1 } from "../../db/connect-d1";
import type { PublishMessage } from "../../worker/features/social/publish-message";
import worker from "../../worker/index";
import { fakeSocialControl } from "../fakes/fake-social-client";
import { type Client, signUp } from "../helpers/api";
import { createWorkspace } from "../helpers/workspaces";

export const fake = fakeSocialControl(inject("fakeSocialUrl"));
export const db = () => connectD1(env.DB);

let counter = 0;
/** A name the fake has never seen, so parallel tests never share a fake user. */
export const fakeUser = (prefix = "user") => `${prefix}${Date.now().toString(36)}${++counter}`;

export type PostJson = {
  id: string;
  status: string;
  social_media_account_id: string;
  group_id: string | null;
  external_post_id: string | null;
  failure_reason: string | null;
  publish_state: string | null;
  publish_attempts: number;
  next_attempt_at: string | null;
  scheduled_at: string | null;
  content: string;
  engagement_metrics: Record<string, unknown> | null;
  review_comment: string | null;
};
export type AccountJson = {
  id: string;
  platform: string;
  username: string;
  status: string;
  sandbox: boolean;
  last_error: string | null;
};

export async function socialWorkspace(settings: Record<string, unknown> = {}) {
  const owner = await signUp({ name: "Sol Owner" });
  const workspace = await createWorkspace(
    owner.client,
    "Social Studio",
    Object.keys(settings).length ? { settings } : {},
  );
  return { owner, workspace };
}

/** Connects an account the way a browser does: connect → the platform's consent → the callback with the code. */
export async function connectAccount(
  who: Client,
  workspaceId: string,
  platform: "twitter" | "linkedin" | "instagram" | "facebook" | "tiktok" | "youtube",
  fakeName: string,
) {
  const start = await who.fetch(`/api/v1/workspaces/${workspaceId}/social-accounts/connect/${platform}`);
  if (start.status !== 302) throw new Error(`connect did not redirect: ${start.status} ${await start.text()}`);
  const consent = new URL(start.headers.get("Location") ?? "");
  const state = consent.searchParams.get("state") ?? "";
  const back = await who.fetch(`/api/v1/social/callback/${platform}?${new URLSearchParams({ code: fakeName, state })}`);
  if (back.status !== 302 || !back.headers.get("Location")?.includes("connected=")) {
    throw new Error(`callback failed: ${back.status} ${back.headers.get("Location")} ${await back.text()}`);
  }
  const list = await who.fetch(`/api/v1/workspaces/${workspaceId}/social-accounts`);
  const { data } = (await list.json()) as { data: AccountJson[] };
  // LinkedIn names members by email, Facebook by Page, YouTube by @handle: the fake user's name is in each.
  const account = data.find((a) => a.platform === platform && a.username.includes(fakeName));
  if (!account) throw new Error(`account not listed: ${JSON.stringify(data)}`);
  return account;
}

export async function createPosts(who: Client, workspaceId: string, body: Record<string, unknown>) {
  const res = await who.fetch(`/api/v1/workspaces/${workspaceId}/posts`, { method: "POST", json: body });
  if (res.status !== 201) throw new Error(`posts not created: ${res.status} ${await res.text()}`);
  return (await res.json()) as { data: PostJson[]; group_id: string };
}

type Platform = Parameters<typeof connectAccount>[2];

/** A new workspace with one connected account and one post on it, scheduled and already due. */
export async function duePost(platform: Platform, prefix: string, post: Record<string, unknown> = {}) {
  const { owner, workspace } = await socialWorkspace();
  const name = fakeUser(prefix);
  const account = await connectAccount(owner.client, workspace.id, platform, name);
  const { data } = await createPosts(owner.client, workspace.id, {
    account_ids: [account.id],
    content: "A post",
    status: "scheduled",
    scheduled_at: inMinutes(30),
    ...post,
  });
  const created = data[0];
  if (!created) throw new Error("no post");
  await makeDue([created.id]);
  return { owner, workspace, account, name, post: created, id: created.id };
}

/** Makes a post due now, as if its time had come (the API refuses times in the past). */
export async function makeDue(postIds: string[], at = new Date(Date.now() - 1000)) {
  const d = db();
  const t = d.t.socialMediaPosts;
  for (const id of postIds) await d.atomic((q) => [q.update(t).set({ scheduled_at: at }).where(eq(t.id, id))]);
}

/** One run of the minute cron, as Cron Triggers run it. */
export async function runCron(at = new Date()) {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: at.getTime(), cron: "* * * * *" }), env, ctx);
  await waitOnExecutionContext(ctx);
}

/** Delivers messages to the queue handler directly, as the queue would (a redelivery, say). */
export async function deliver(postIds: string[]) {
  const batch = createMessageBatch(
    "mewayz-social-publish",
    postIds.map((post_id, i) => ({
      id: `m-${Date.now()}-${i}`,
      timestamp: new Date(),
      attempts: 1,
      body: { post_id },
    })),
  );
  await worker.queue(batch as MessageBatch<PublishMessage>, env);
}

export async function readPost(postId: string) {
  const d = db();
  const t = d.t.socialMediaPosts;
  const [row] = await d.q.select().from(t).where(eq(t.id, postId)).limit(1);
  if (!row) throw new Error(`no post ${postId}`);
  return row;
}

/** Waits until the post leaves the given states (the queue delivers on its own schedule). */
export async function settled(
  postId: string,
  until: (row: Awaited<ReturnType<typeof readPost>>) => boolean,
  ms = 8000,
) {
  const deadline = Date.now() + ms;
  for (;;) {
    const row = await readPost(postId);
    if (until(row)) return row;
    if (Date.now() > deadline)
      throw new Error(`post ${postId} stuck: ${row.status}/${row.publish_state} ${row.failure_reason ?? ""}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const isFinal = (row: { status: string | null; publish_state: string | null }) =>
  ["published", "failed", "unconfirmed"].includes(row.status ?? "") || row.publish_state === "waiting";

/** One cron tick for a due post, then the post once it is published, failed or waiting on a person. */
export async function publishDue(postId: string) {
  await runCron();
  return settled(postId, isFinal);
}

export const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

/** The metrics sync, run now whatever minute it is. */
export async function syncAll() {
  const { syncMetrics } = await import("../../worker/features/social/sync-metrics");
  return syncMetrics(env, db());
}
