import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import worker from "../../worker/index";
import { signUp } from "../helpers/api";
import { createWorkspace } from "../helpers/workspaces";
import { createPage, database } from "./bio-helpers";

describe("visitor hashes", () => {
  it("are dropped by the minute cron once no analytics range reaches their day", async () => {
    const { client } = await signUp();
    const workspace = await createWorkspace(client);
    const page = await createPage(client, workspace.id);
    const db = database();
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    await db.atomic((q) => [
      q.insert(db.t.linkInBioVisitors).values([
        { page_id: page.id, day: day(120), link_id: "", visitor: "a".repeat(64) },
        { page_id: page.id, day: day(89), link_id: "", visitor: "b".repeat(64) },
      ]),
    ]);
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: "* * * * *", scheduledTime: Date.now() }), env, ctx);
    await waitOnExecutionContext(ctx);
    const left = await db.q
      .select({ day: db.t.linkInBioVisitors.day })
      .from(db.t.linkInBioVisitors)
      .where(eq(db.t.linkInBioVisitors.page_id, page.id));
    expect(left).toEqual([{ day: day(89) }]);
  });
});
