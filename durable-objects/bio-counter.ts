// The edge side of a bio page: one object per address a page is served at
// (`slug:<slug>`, `host:<domain>`) and one per page for clicks (`page:<id>`).
// It holds the address's cache generation — the version public pages are cached
// under, bumped by every edit, so an edit is visible to the next visitor without a
// database query on cache hits — and it counts views and clicks in its own SQLite
// storage, flushing them in batches (an alarm at most FLUSH_MS later) to the
// analytics tables. No database write per visit.
//
// An address with no page costs no storage: anyone can ask for a million made-up
// slugs or point any host at us, so "nothing here" is kept in memory only (and its
// tables are made on the first write, never on a read). Storage is written when a page
// is created or edited there (a new generation) or seen there, or a visit is counted.
//
// One more object, SALT_KEEPER, holds the random salt of the day visitors are hashed
// with (daily-salts.ts) and deletes it once the day is over.
import { DurableObject } from "cloudflare:workers";
import { DailySalts, dayOf, nextSaltPurge, SALT_KEEPER, saltUsable } from "../worker/features/bio/daily-salts";
import type { Count, SiteState } from "../worker/features/bio/edge-state";
import type { Visit } from "../worker/features/bio/visit";
import { type StatRow, type VisitorRow, writeBioStats } from "../worker/features/bio/write-bio-stats";
import { sha256Hex } from "../worker/lib/crypto";
import { databaseFor } from "../worker/lib/db";
import type { Env } from "../worker/lib/env";

/** Counts reach the database at most this long after they were made. */
export const FLUSH_MS = 30_000;
const RETRY_MS = 60_000;

const TABLES = `CREATE TABLE IF NOT EXISTS site (id INTEGER PRIMARY KEY, generation INTEGER NOT NULL, page_id TEXT, page_known INTEGER NOT NULL DEFAULT 0);
  CREATE TABLE IF NOT EXISTS pending (page_id TEXT NOT NULL, day TEXT NOT NULL, dimension TEXT NOT NULL, value TEXT NOT NULL,
    views INTEGER NOT NULL DEFAULT 0, clicks INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (page_id, day, dimension, value));
  CREATE TABLE IF NOT EXISTS pending_visitors (page_id TEXT NOT NULL, day TEXT NOT NULL, link_id TEXT NOT NULL, visitor TEXT NOT NULL,
    PRIMARY KEY (page_id, day, link_id, visitor));`;

export class BioCounter extends DurableObject<Env> {
  private generation = 1;
  /** The page this address showed at `generation`: undefined until a render told us. */
  private page: string | null | undefined = undefined;
  private hasTables: boolean;
  /** The day's salt as fetched from SALT_KEEPER, so a counter asks once a day. */
  private salt: { day: string; salt: string | null } | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    const sql = ctx.storage.sql;
    // Reading an empty storage writes nothing; creating tables would.
    this.hasTables =
      sql.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'site'").toArray().length > 0;
    if (!this.hasTables) return;
    const [row] = sql
      .exec<{ generation: number; page_id: string | null; page_known: number }>(
        "SELECT generation, page_id, page_known FROM site WHERE id = 1",
      )
      .toArray();
    if (row) {
      this.generation = row.generation;
      this.page = row.page_known ? row.page_id : undefined;
    }
  }

  private tables(): SqlStorage {
    const sql = this.ctx.storage.sql;
    if (!this.hasTables) {
      sql.exec(TABLES);
      this.hasTables = true;
    }
    return sql;
  }

  private saveSite() {
    this.tables().exec(
      "INSERT INTO site (id, generation, page_id, page_known) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET generation = excluded.generation, page_id = excluded.page_id, page_known = excluded.page_known",
      this.generation,
      this.page ?? null,
      this.page === undefined ? 0 : 1,
    );
  }

  /** The generation to look up public pages under, and the page this address shows at it (when known). */
  async state(): Promise<SiteState> {
    return { generation: this.generation, known: this.page !== undefined, pageId: this.page ?? null };
  }

  /**
   * After a render on a cache miss: which page (or none) this address shows at `generation`.
   * "None" is kept in memory only: an address with no page leaves no storage behind. If
   * this object is evicted it forgets, and the next visitor asks the database once more.
   */
  async learn(generation: number, pageId: string | null): Promise<void> {
    if (generation === this.generation && this.page === undefined) {
      this.page = pageId;
      if (pageId !== null) this.saveSite();
    }
  }

  /** Views (linkId "") and clicks a worker isolate buffered. */
  async countMany(counts: Count[]): Promise<void> {
    if (counts.length === 0) return;
    for (const c of counts) await this.count(c.pageId, c.linkId, c.visit, c.at, c.n ?? 1);
    // One alarm for the batch, FLUSH_MS after its first count.
    if ((await this.ctx.storage.getAlarm()) === null) {
      await this.ctx.storage.setAlarm(Math.min(...counts.map((c) => c.at)) + FLUSH_MS);
    }
  }

  /** The page behind this address changed: cached copies of older generations are never read again. */
  async invalidate(): Promise<number> {
    this.generation += 1;
    this.page = undefined;
    this.saveSite();
    return this.generation;
  }

  /** The salt of `day` (SALT_KEEPER's), or null once that day is over. */
  private async saltOf(day: string): Promise<string | null> {
    const now = Date.now();
    if (!saltUsable(day, now)) {
      if (this.salt?.day === day) this.salt = null;
      return null;
    }
    if (this.salt?.day !== day) {
      const keeper = this.env.BIO_COUNTER.get(this.env.BIO_COUNTER.idFromName(SALT_KEEPER));
      this.salt = { day, salt: await keeper.dailySalt(day) };
    }
    return this.salt.salt;
  }

  private isSaltKeeper(): boolean {
    return this.ctx.id.equals(this.env.BIO_COUNTER.idFromName(SALT_KEEPER));
  }

  /** SALT_KEEPER only: the day's random salt, made on first use; null for a day that is over. */
  async dailySalt(day: string): Promise<string | null> {
    // One keeper, or counters would draw salts of their own and count a visitor once per address.
    if (!this.isSaltKeeper()) throw new Error("dailySalt is asked of the salt keeper only");
    const now = Date.now();
    const salt = new DailySalts(this.ctx.storage.sql).saltFor(day, now);
    // The salt is deleted when its day (and the grace) ends, whether or not anyone asks again.
    if (salt !== null && (await this.ctx.storage.getAlarm()) === null)
      await this.ctx.storage.setAlarm(nextSaltPurge(now));
    return salt;
  }

  private async count(pageId: string, linkId: string, visit: Visit, now: number, n: number) {
    const day = dayOf(now);
    const salt = await this.saltOf(day);
    // Salted per day (randomly, and the salt is deleted after the day) and per page: a hash says "the same
    // visitor that day, here", nothing more, and no one can hash an address again to look for it.
    const visitor = salt === null ? null : await sha256Hex(`${salt}|${day}|${pageId}|${visit.ip}|${visit.userAgent}`);
    const sql = this.tables();
    const add = (dimension: string, value: string) =>
      sql.exec(
        "INSERT INTO pending (page_id, day, dimension, value, views, clicks) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET views = views + excluded.views, clicks = clicks + excluded.clicks",
        pageId,
        day,
        dimension,
        value,
        linkId ? 0 : n,
        linkId ? n : 0,
      );
    add("page", "");
    if (linkId) add("link", linkId);
    else {
      add("referrer", visit.referrer);
      add("country", visit.country);
      add("device", visit.device);
    }
    // A count held past its day's end (and grace) still counts, but no longer as a known visitor.
    if (visitor !== null) {
      sql.exec("INSERT OR IGNORE INTO pending_visitors VALUES (?, ?, ?, ?)", pageId, day, linkId, visitor);
    }
  }

  /** Writes what was counted to the database now (the alarm does it within FLUSH_MS anyway). */
  async flush(): Promise<{ views: number; clicks: number }> {
    if (!this.hasTables) return { views: 0, clicks: 0 };
    const sql = this.ctx.storage.sql;
    const stats = sql.exec<StatRow>("SELECT page_id, day, dimension, value, views, clicks FROM pending").toArray();
    const visitors = sql
      .exec<VisitorRow & { rid: number }>("SELECT rowid AS rid, page_id, day, link_id, visitor FROM pending_visitors")
      .toArray();
    if (stats.length === 0 && visitors.length === 0) return { views: 0, clicks: 0 };
    const written = await writeBioStats(databaseFor(this.env), stats, visitors);
    // Counts made while the batch was being written stay pending: subtract only what was written.
    for (const r of stats) {
      sql.exec(
        "UPDATE pending SET views = views - ?, clicks = clicks - ? WHERE page_id = ? AND day = ? AND dimension = ? AND value = ?",
        r.views,
        r.clicks,
        r.page_id,
        r.day,
        r.dimension,
        r.value,
      );
    }
    sql.exec("DELETE FROM pending WHERE views <= 0 AND clicks <= 0");
    const last = Math.max(...visitors.map((v) => v.rid), 0);
    sql.exec("DELETE FROM pending_visitors WHERE rowid <= ?", last);
    return written;
  }

  override async alarm(): Promise<void> {
    if (this.isSaltKeeper()) {
      const salts = new DailySalts(this.ctx.storage.sql);
      salts.purge(Date.now());
      if (salts.any) await this.ctx.storage.setAlarm(nextSaltPurge(Date.now()));
      return;
    }
    try {
      await this.flush();
    } catch (err) {
      console.error(JSON.stringify({ level: "error", msg: "bio stats flush failed", error: String(err) }));
      await this.ctx.storage.setAlarm(Date.now() + RETRY_MS);
      return;
    }
    if (!this.hasTables) return;
    const [left] = this.ctx.storage.sql.exec<{ n: number }>("SELECT count(*) AS n FROM pending").toArray();
    if ((left?.n ?? 0) > 0) await this.ctx.storage.setAlarm(Date.now() + FLUSH_MS);
  }
}
