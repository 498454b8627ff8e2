import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { slugSite } from "../../worker/features/bio/bio-sites";
import { forgetSite } from "../../worker/features/bio/edge-state";
import { signUp } from "../helpers/api";
import { countQueries } from "../helpers/count-queries";
import { createWorkspace } from "../helpers/workspaces";
import { counter_, createPage, uniqueSlug, visit } from "./bio-helpers";

/** What an address's counter keeps in storage: its tables (SQLite's own left out) and whether an alarm is set. */
const storedBy = (site: string) =>
  runInDurableObject(counter_(site), async (_instance, state) => ({
    tables: state.storage.sql
      .exec<{ name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\'",
      )
      .toArray()
      .map((t) => t.name),
    alarm: await state.storage.getAlarm(),
  }));

/** The worker tells the counter what it learnt after answering (waitUntil): give it that moment. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe("addresses with no page", () => {
  it("leave no storage behind and cost no query once known, and a page made there shows at once", async () => {
    const slug = uniqueSlug("nobody");
    for (let i = 0; i < 3; i++) expect((await visit(`/${slug}`)).status).toBe(404);
    await settle();
    expect(await storedBy(slugSite(slug))).toEqual({ tables: [], alarm: null });

    // Known to have no page: answered from memory, without asking the database.
    const queries = countQueries();
    const again = await visit(`/${slug}`);
    queries.stop();
    expect(again.status).toBe(404);
    expect(again.headers.get("X-Cache")).toBe("HIT-MEMORY");
    expect(queries.count).toBe(0);
    // The same for an isolate that has not seen it: the counter remembers, in memory.
    forgetSite(slugSite(slug));
    const fromCounter = countQueries();
    expect((await visit(`/${slug}`)).status).toBe(404);
    fromCounter.stop();
    expect(fromCounter.count).toBe(0);
    expect(await storedBy(slugSite(slug))).toEqual({ tables: [], alarm: null });

    // Someone creates a page at that slug: the very next visitor sees it, here or in another isolate.
    const person = await signUp();
    const workspace = await createWorkspace(person.client);
    await createPage(person.client, workspace.id, { slug, title: "Just arrived", is_active: true });
    const here = await visit(`/${slug}`);
    expect(here.status).toBe(200);
    expect(await here.text()).toContain("Just arrived");
    forgetSite(slugSite(slug));
    const elsewhere = await visit(`/${slug}`);
    expect(elsewhere.status).toBe(200);
    // A page lives here now: its generation is kept for good.
    expect((await storedBy(slugSite(slug))).tables).toContain("site");
  });

  it("leave nothing behind for a host nobody verified", async () => {
    const host = `${uniqueSlug("stranger")}.example`;
    for (let i = 0; i < 2; i++) {
      const res = await visit("/", { host });
      expect(res.status).toBe(302);
      expect(res.headers.get("Location")).toBe("/app/");
    }
    await settle();
    expect(await storedBy(`host:${host}`)).toEqual({ tables: [], alarm: null });
  });
});
