// A workspace whose stored time zone the runtime does not know — an imported Mewayz
// workspace from before zones were checked — works in UTC instead of failing every
// page that reads a local date.
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { connectD1 } from "../../db/connect-d1";
import { signUp } from "../helpers/api";
import { createWorkspace } from "../helpers/workspaces";

describe("a stored time zone the runtime does not know", () => {
  it("reads as UTC for the calendar, the follow-up filters and the badge", async () => {
    const { client } = await signUp();
    const workspace = await createWorkspace(client);
    const db = connectD1(env.DB);
    const w = db.t.workspaces;
    await db.atomic((q) => [
      q
        .update(w)
        .set({ settings: { timezone: "Mars/Olympus_Mons" } })
        .where(eq(w.id, workspace.id)),
    ]);
    const base = `/api/v1/workspaces/${workspace.id}`;
    const posts = await client.fetch(`${base}/posts/calendar?from=2026-12-01T00:00:00Z&to=2026-12-31T00:00:00Z`);
    expect(posts.status).toBe(200);
    expect(((await posts.json()) as { time_zone: string }).time_zone).toBe("UTC");
    for (const path of ["/contacts?follow_up=today", "/contacts?follow_up=this_week", "/contacts/follow-ups/count"]) {
      expect((await client.fetch(`${base}${path}`)).status, path).toBe(200);
    }
  });
});
