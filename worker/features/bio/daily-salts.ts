// The random salt unique visitors are hashed with, one per UTC day. It is made on the
// day's first count, kept in one BioCounter (SALT_KEEPER) so every counter hashes a
// visitor the same way that day — a page reached through its slug and its domain still
// counts a person once — and deleted once the day is over: no one, not even with the
// database and the code, can hash an address again to find it among an old day's visitors.

/** The counter that keeps the salts. */
export const SALT_KEEPER = "salts:daily";

/** Counts of the day before, buffered across midnight, may still be hashed this long after it ends. */
export const SALT_GRACE_MS = 5 * 60_000;

const DAY_MS = 86_400_000;

export const dayOf = (now: number) => new Date(now).toISOString().slice(0, 10);

/** Whether a day's salt may still be used (and so must still exist) at `now`. */
export function saltUsable(day: string, now: number): boolean {
  const start = Date.parse(`${day}T00:00:00Z`);
  return Number.isFinite(start) && start <= now && now < start + DAY_MS + SALT_GRACE_MS;
}

/** When the salts held at `now` will all have to go: the end of today plus the grace. */
export const nextSaltPurge = (now: number) => Date.parse(`${dayOf(now)}T00:00:00Z`) + DAY_MS + SALT_GRACE_MS;

/** The salts, in the keeper's SQLite storage. */
export class DailySalts {
  constructor(private readonly sql: SqlStorage) {}

  private ensureTable() {
    this.sql.exec("CREATE TABLE IF NOT EXISTS salts (day TEXT PRIMARY KEY, salt TEXT NOT NULL)");
  }

  /** The day's salt, made now if it has none; null for a day that is over (its salt is gone for good). */
  saltFor(day: string, now: number): string | null {
    this.ensureTable();
    this.purge(now);
    if (!saltUsable(day, now)) return null;
    const [held] = this.sql.exec<{ salt: string }>("SELECT salt FROM salts WHERE day = ?", day).toArray();
    if (held) return held.salt;
    const bytes = crypto.getRandomValues(new Uint8Array(32));
    const salt = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    this.sql.exec("INSERT INTO salts (day, salt) VALUES (?, ?)", day, salt);
    return salt;
  }

  /** Deletes the salts of days that are over. */
  purge(now: number): void {
    const days = this.sql.exec<{ day: string }>("SELECT day FROM salts").toArray();
    for (const { day } of days) if (!saltUsable(day, now)) this.sql.exec("DELETE FROM salts WHERE day = ?", day);
  }

  /** Whether the keeper holds any salt (so its alarm must come back to delete it). */
  get any(): boolean {
    const [row] = this.sql.exec<{ n: number }>("SELECT count(*) AS n FROM salts").toArray();
    return (row?.n ?? 0) > 0;
  }
}
