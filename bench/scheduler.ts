// npm run bench:scheduler — 10,000 posts due in the same minute (POSTS=… to choose),
// published through the real worker under `wrangler dev`: the minute cron claims them
// (compare-and-set), the queue hands them to the publisher, the publisher posts them
// to the local fake X (tests/fakes/fake-social.ts) over HTTP.
//
// Printed: time from the cron tick until no post is scheduled or publishing, publishes
// per second, and duplicates on the fake network (must be 0) — beside the same run,
// in the same server, with publishing stubbed to a no-op: posts to a sandbox account,
// which "publishes" in-process. That is the floor: claim, queue, ownership and the
// database writes, without a network call. The difference is what talking to X costs.
//
// Seeding: the owner, the workspace and both accounts are made through the API (X
// through its OAuth flow against the fake); the server stops, the posts are loaded with
// `wrangler d1 execute --local` (loading into a running dev server's D1 breaks it), and
// it starts again. Between the runs it stops again to make the second set due.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { uuidv7 } from "../db/uuidv7";
import { ensureWebBuild, loadIntoLocalD1, migrateLocalD1, serveWranglerDev } from "../tests/e2e/wrangler-dev";
import { startFakeSocial } from "../tests/fakes/fake-social";
import { fakeSocialBindings, fakeSocialControl } from "../tests/fakes/fake-social-client";

const POSTS = Number(process.env.POSTS ?? 10_000);
const DRAIN_TIMEOUT_MS = Number(process.env.DRAIN_TIMEOUT_MS ?? 15 * 60_000);

const sqlText = (value: string) => `'${value.replace(/'/g, "''")}'`;
const sqlTime = (at: Date) => sqlText(at.toISOString().slice(0, 19).replace("T", " "));

/** INSERTs of `count` posts for an account, due at `at`, in statements of 200 rows. */
function postsSql(workspaceId: string, accountId: string, userId: string, label: string, at: Date, status: string) {
  const statements: string[] = [];
  for (let start = 0; start < POSTS; start += 200) {
    const rows: string[] = [];
    for (let i = start; i < Math.min(POSTS, start + 200); i++) {
      const values = [uuidv7(), workspaceId, accountId, `${label} post ${i}`, status, at, userId].map((v) =>
        v instanceof Date ? sqlTime(v) : sqlText(String(v)),
      );
      rows.push(`(${values.join(", ")}, 0)`);
    }
    statements.push(
      `INSERT INTO social_media_posts (id, workspace_id, social_media_account_id, content, status, scheduled_at, created_by, publish_attempts) VALUES ${rows.join(",\n")};`,
    );
  }
  return statements.join("\n");
}

type Session = { url: string; headers: Record<string, string>; workspaceId: string };

/** Fires the minute cron, then waits until nothing of the workspace is scheduled or publishing. */
async function drain(session: Session): Promise<number> {
  const started = performance.now();
  // /__scheduled answers only when the cron's work is done, and the queue is publishing
  // meanwhile: not awaited, so the drain is timed from the tick, not from its answer.
  const tick = fetch(`${session.url}/__scheduled?cron=*+*+*+*+*`, { signal: AbortSignal.timeout(DRAIN_TIMEOUT_MS) })
    .then((res) => (res.ok ? null : `/__scheduled answered ${res.status}`))
    .catch((err: unknown) => `/__scheduled failed: ${String(err)}`);
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  for (;;) {
    const res = await fetch(
      `${session.url}/api/v1/workspaces/${session.workspaceId}/posts?status=scheduled,publishing&limit=1`,
      {
        headers: session.headers,
      },
    );
    const { data } = (await res.json()) as { data: unknown[] };
    if (data.length === 0) {
      // The cron's own answer can come after its posts are out (undici waits 300 s for headers).
      const problem = await Promise.race([tick, new Promise<null>((r) => setTimeout(() => r(null), 1000))]);
      if (problem && !/Headers Timeout|fetch failed/.test(problem)) throw new Error(problem);
      return performance.now() - started;
    }
    if (Date.now() > deadline) throw new Error("posts did not drain in time");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function countByStatus(session: Session, status: string) {
  let count = 0;
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ status, limit: "100", ...(cursor ? { cursor } : {}) });
    const res = await fetch(`${session.url}/api/v1/workspaces/${session.workspaceId}/posts?${query}`, {
      headers: session.headers,
    });
    const page = (await res.json()) as { data: unknown[]; next_cursor: string | null };
    count += page.data.length;
    cursor = page.next_cursor;
  } while (cursor);
  return count;
}

async function main() {
  ensureWebBuild();
  const fake = await startFakeSocial();
  const control = fakeSocialControl(fake.url);
  const vars = { ...fakeSocialBindings(fake.url), SOCIAL_HTTP_TIMEOUT_MS: "15000" };
  const work = mkdtempSync(join(tmpdir(), "mewayz-bench-scheduler-"));
  const state = join(work, "state");
  let app: Awaited<ReturnType<typeof serveWranglerDev>> | undefined;
  try {
    migrateLocalD1(state);
    app = await serveWranglerDev(state, { vars });
    const signup = await fetch(`${app.url}/api/v1/auth/signup`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Sec-Fetch-Site": "same-origin" },
      body: JSON.stringify({
        name: "Bench Owner",
        email: `bench-${Date.now()}@example.com`,
        password: "bench-password-2026",
      }),
    });
    const { user } = (await signup.json()) as { user: { id: string } };
    const headers = {
      Cookie: (signup.headers.get("set-cookie") ?? "").split(";")[0] ?? "",
      "Content-Type": "application/json",
      "Sec-Fetch-Site": "same-origin",
    };
    const created = await fetch(`${app.url}/api/v1/workspaces`, {
      method: "POST",
      headers,
      body: JSON.stringify({ name: "Bench Social" }),
    });
    const { id: workspaceId } = (await created.json()) as { id: string };
    const base = `${app.url}/api/v1/workspaces/${workspaceId}`;
    // X through its OAuth flow against the fake: connect, then the callback with the code.
    const fakeUser = `bench${Date.now().toString(36)}`;
    const start = await fetch(`${base}/social-accounts/connect/twitter`, { headers, redirect: "manual" });
    const state_ = new URL(start.headers.get("location") ?? "").searchParams.get("state") ?? "";
    const back = await fetch(`${app.url}/api/v1/social/callback/twitter?code=${fakeUser}&state=${state_}`, {
      headers,
      redirect: "manual",
    });
    if (back.status !== 302) throw new Error(`X did not connect: ${back.status}`);
    const sandbox = await fetch(`${base}/social-accounts/sandbox`, {
      method: "POST",
      headers,
      body: JSON.stringify({ platform: "twitter" }),
    });
    const { id: sandboxId } = (await sandbox.json()) as { id: string };
    const accounts = (await (await fetch(`${base}/social-accounts`, { headers })).json()) as {
      data: { id: string; sandbox: boolean }[];
    };
    const xId = accounts.data.find((a) => !a.sandbox)?.id ?? "";
    await app.stop();

    // Run 1, the floor: no-op publishing (sandbox). Run 2: the fake X, parked as drafts until then.
    const now = new Date(Date.now() - 1000);
    const file = join(work, "posts.sql");
    writeFileSync(
      file,
      [
        postsSql(workspaceId, sandboxId, user.id, "floor", now, "scheduled"),
        postsSql(workspaceId, xId, user.id, "x", now, "draft"),
      ].join("\n"),
    );
    loadIntoLocalD1(state, file);
    app = await serveWranglerDev(state, { vars });
    const session = { url: app.url, headers, workspaceId };
    const floorMs = await drain(session);
    const floorPublished = await countByStatus(session, "published");
    await app.stop();

    writeFileSync(
      file,
      `UPDATE social_media_posts SET status = 'scheduled', scheduled_at = ${sqlTime(new Date(Date.now() - 1000))} WHERE social_media_account_id = ${sqlText(xId)};`,
    );
    loadIntoLocalD1(state, file);
    app = await serveWranglerDev(state, { vars });
    const session2 = { url: app.url, headers, workspaceId };
    const xMs = await drain(session2);
    const published = await control.published("x", fakeUser);
    const unique = new Set(published.map((p) => p.text)).size;
    const failed = await countByStatus(session2, "failed");
    const unconfirmed = await countByStatus(session2, "unconfirmed");

    const line = (label: string, count: number, ms: number, dupes: string) =>
      `${label.padEnd(34)} ${count.toLocaleString("en-US").padStart(7)} published  drain ${(ms / 1000).toFixed(1).padStart(6)} s  ${(count / (ms / 1000)).toFixed(0).padStart(5)} publishes/s  duplicates ${dupes}`;
    console.log(
      `\n${POSTS.toLocaleString("en-US")} posts due in one minute, one cron tick, wrangler dev on this machine\n`,
    );
    console.log(line("floor: publishing stubbed (no-op)", floorPublished, floorMs, "n/a"));
    console.log(line("fake X over HTTP", unique, xMs, String(published.length - unique)));
    console.log(
      `\nX run: ${failed} failed, ${unconfirmed} unconfirmed; fake X received ${published.length} posts for ${POSTS} rows`,
    );
    if (published.length !== unique) process.exitCode = 1;
  } finally {
    await app?.stop();
    await fake.close();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
