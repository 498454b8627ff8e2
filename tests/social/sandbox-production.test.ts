// The sandbox network is for local development: in production it cannot be
// connected, and a sandbox account that reached a production database never publishes.
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { claimDuePosts } from "../../worker/features/social/claim-due-posts";
import worker from "../../worker/index";
import type { Env } from "../../worker/lib/env";
import { ORIGIN } from "../helpers/api";
import { createPosts, db, inMinutes, makeDue, readPost, socialWorkspace } from "./social-helpers";

/** The worker's bindings as production has them; without a queue, claimed posts publish inline. */
const production = { ...env, APP_ENV: "production", SOCIAL_PUBLISH_QUEUE: undefined } as Env;

describe("the sandbox in production", { timeout: 20_000 }, () => {
  it("answers 404 to connecting a sandbox account", async () => {
    const { owner, workspace } = await socialWorkspace();
    const request = () =>
      new Request(`${ORIGIN}/api/v1/workspaces/${workspace.id}/social-accounts/sandbox`, {
        method: "POST",
        headers: {
          Cookie: owner.client.cookie ?? "",
          "Content-Type": "application/json",
          "Sec-Fetch-Site": "same-origin",
        },
        body: JSON.stringify({ platform: "twitter" }),
      });
    const ctx = createExecutionContext();
    const res = await worker.fetch(request(), production, ctx);
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(404);
    // The same request outside production connects one: the 404 is production's doing.
    const dev = createExecutionContext();
    expect((await worker.fetch(request(), env as Env, dev)).status).toBe(201);
    await waitOnExecutionContext(dev);
  });

  it("fails a sandbox account's post instead of publishing it", async () => {
    const { owner, workspace } = await socialWorkspace();
    const res = await owner.client.fetch(`/api/v1/workspaces/${workspace.id}/social-accounts/sandbox`, {
      method: "POST",
      json: { platform: "linkedin" },
    });
    const account = (await res.json()) as { id: string };
    const { data } = await createPosts(owner.client, workspace.id, {
      account_ids: [account.id],
      content: "Made in development",
      status: "scheduled",
      scheduled_at: inMinutes(5),
    });
    const id = data[0]?.id ?? "";
    await makeDue([id]);
    await claimDuePosts(production, db());
    const row = await readPost(id);
    expect(row.status).toBe("failed");
    expect(row.failure_reason).toMatch(/Sandbox accounts do not publish in production/);
    expect(row.external_post_id).toBeNull();
  });
});
