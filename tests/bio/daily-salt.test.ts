import { runInDurableObject } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DailySalts, dayOf, nextSaltPurge, SALT_KEEPER } from "../../worker/features/bio/daily-salts";
import type { Visit } from "../../worker/features/bio/visit";
import { sha256Hex } from "../../worker/lib/crypto";
import { signUp } from "../helpers/api";
import { createWorkspace } from "../helpers/workspaces";
import { counter_, createPage, database, uniqueSlug } from "./bio-helpers";

const at = (iso: string) => Date.parse(iso);

describe("the daily salt of visitor hashes", () => {
  it("is random, the same all day, and gone for good once the day is over", async () => {
    // A keeper of its own, so the clock can be set: the real one keeps today's salt.
    const stub = counter_(`salts:${uniqueSlug("test")}`);
    await runInDurableObject(stub, (_instance, state) => {
      const salts = new DailySalts(state.storage.sql);
      const monday = salts.saltFor("2026-03-02", at("2026-03-02T08:00:00Z"));
      expect(monday).toMatch(/^[0-9a-f]{64}$/);
      expect(salts.saltFor("2026-03-02", at("2026-03-02T23:59:00Z"))).toBe(monday);
      // Just after midnight, counts buffered on Monday are still hashed with Monday's salt.
      expect(salts.saltFor("2026-03-02", at("2026-03-03T00:01:00Z"))).toBe(monday);
      const tuesday = salts.saltFor("2026-03-03", at("2026-03-03T00:01:00Z"));
      expect(tuesday).toMatch(/^[0-9a-f]{64}$/);
      expect(tuesday).not.toBe(monday);
      // Then Monday's salt is deleted: no one can make it again, so no hash of Monday can be recomputed.
      expect(salts.saltFor("2026-03-02", at("2026-03-03T00:10:00Z"))).toBeNull();
      const left = state.storage.sql.exec<{ day: string }>("SELECT day FROM salts").toArray();
      expect(left).toEqual([{ day: "2026-03-03" }]);
      // Nor is one made ahead of its day.
      expect(salts.saltFor("2026-03-04", at("2026-03-03T12:00:00Z"))).toBeNull();
      // Read afresh from storage (a keeper woken again later that day), it is the salt drawn in the morning.
      expect(new DailySalts(state.storage.sql).saltFor("2026-03-03", at("2026-03-03T12:00:00Z"))).toBe(tuesday);
    });
  });

  it("counts a visitor once a day across counters, with a hash nobody can remake from a fixed secret", async () => {
    const { client } = await signUp();
    const workspace = await createWorkspace(client);
    const page = await createPage(client, workspace.id, { is_active: true });
    const visit: Visit = {
      ip: "203.0.113.77",
      userAgent: "Phone",
      referrer: "direct",
      country: "XX",
      device: "mobile",
    };
    const now = Date.now();
    const day = dayOf(now);
    // The page's slug and its custom domain are two counters; the person is the same.
    const counters = [counter_(`slug:${page.slug}`), counter_(`host:${uniqueSlug("salt")}.example`)];
    for (const counter of counters) {
      await counter.countMany([{ pageId: page.id, linkId: "", visit, at: now }]);
      await counter.flush();
    }
    const db = database();
    const visitors = await db.q
      .select({ visitor: db.t.linkInBioVisitors.visitor })
      .from(db.t.linkInBioVisitors)
      .where(eq(db.t.linkInBioVisitors.page_id, page.id));
    expect(visitors).toHaveLength(1);
    const hash = visitors[0]?.visitor;

    const { salt, alarm } = await runInDurableObject(counter_(SALT_KEEPER), async (_instance, state) => ({
      salt: state.storage.sql.exec<{ salt: string }>("SELECT salt FROM salts WHERE day = ?", day).one().salt,
      alarm: await state.storage.getAlarm(),
    }));
    // The hash is of today's random salt, which the keeper deletes after the day (its alarm is set for then) …
    expect(hash).toBe(await sha256Hex(`${salt}|${day}|${page.id}|${visit.ip}|${visit.userAgent}`));
    expect(alarm).not.toBeNull();
    expect(alarm as number).toBeLessThanOrEqual(nextSaltPurge(now));
    // … and not of a secret that outlives it.
    expect(hash).not.toBe(await sha256Hex(`mewayz-dev-bio-analytics|${day}|${page.id}|${visit.ip}|${visit.userAgent}`));
  });
});
