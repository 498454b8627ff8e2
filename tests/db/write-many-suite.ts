// Writing many rows in few statements (db/write-many.ts), on D1 (write-many.test.ts,
// inside workerd) and on MariaDB (write-many.mysql.test.ts): every row lands with the
// values, defaults and JSON a single-row insert gives, in one unit or not at all.
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "../../db/database";
import { uuidv7 } from "../../db/uuidv7";
import { insertMany, inValues, updateManyById, WRITE_MANY_BYTES } from "../../db/write-many";

const unique = () => Math.random().toString(36).slice(2, 10);
const secondsAgo = (s: number) => new Date(Math.floor(Date.now() / 1000 - s) * 1000);

type NewUser = { id: string; name: string; email: string; password: string } & Record<string, unknown>;

function people(count: number, extra: (i: number) => Record<string, unknown> = () => ({})): NewUser[] {
  const run = unique();
  return Array.from({ length: count }, (_, i) => ({
    id: uuidv7(),
    name: `Person ${i}`,
    email: `person-${i}-${run}@example.com`,
    password: "$scrypt$x",
    ...extra(i),
  }));
}

const usersWithIds = (db: Database, ids: string[]) =>
  db.q
    .select()
    .from(db.t.users)
    .where(inValues(db, db.t.users.id, ids))
    .orderBy(asc(db.t.users.name));

export function writeManySuite(dbOf: () => Database) {
  describe("writing many rows", () => {
    it("inserts hundreds of rows in one statement on D1, with JSON, timestamps and the columns' defaults", async () => {
      const db = dbOf();
      const verified = secondsAgo(3600);
      // Every third row leaves out email_verified_at and preferences: those take the columns' defaults.
      const rows = people(300, (i) =>
        i % 3 === 0
          ? {}
          : { email_verified_at: verified, preferences: { digest: { weekly: i % 2 === 0 } }, role: "admin" },
      );
      const statements = db.dialect === "sqlite" ? insertMany(db, db.q, db.t.users, rows) : [];
      if (db.dialect === "sqlite") expect(statements).toHaveLength(2); // two shapes of row, one statement each
      await db.atomic((q) => insertMany(db, q, db.t.users, rows));

      const stored = new Map(
        (
          await usersWithIds(
            db,
            rows.map((r) => r.id),
          )
        ).map((u) => [u.id, u]),
      );
      expect(stored.size).toBe(300);
      for (const [i, row] of rows.entries()) {
        const user = stored.get(row.id);
        expect(user).toMatchObject({ name: row.name, email: row.email, status: "active" });
        if (i % 3 === 0) {
          expect(user).toMatchObject({ email_verified_at: null, preferences: null, role: "user" });
        } else {
          expect(user).toMatchObject({ email_verified_at: verified, preferences: { digest: { weekly: i % 2 === 0 } } });
          expect(user?.role).toBe("admin");
        }
        expect(Math.abs((user?.created_at?.getTime() ?? 0) - Date.now())).toBeLessThan(120_000);
      }
    });

    it("cuts a large write into several statements that still commit as one", async () => {
      const db = dbOf();
      const bulky = "x".repeat(400_000);
      const rows = people(5, () => ({ preferences: { bio: bulky } }));
      if (db.dialect === "sqlite") expect(insertMany(db, db.q, db.t.users, rows).length).toBeGreaterThan(1);
      await db.atomic((q) => insertMany(db, q, db.t.users, rows));
      const stored = await usersWithIds(
        db,
        rows.map((r) => r.id),
      );
      expect(stored.map((u) => (u.preferences as { bio: string }).bio.length)).toEqual([
        400_000, 400_000, 400_000, 400_000, 400_000,
      ]);
    });

    it("cuts by bytes, not characters: notes in three-byte characters never make a statement too big", async () => {
      const db = dbOf();
      const owner = people(1)[0]!;
      const workspaceId = uuidv7();
      await db.atomic((q) => [
        q.insert(db.t.users).values(owner),
        q
          .insert(db.t.workspaces)
          .values({ id: workspaceId, name: "Notes", slug: `notes-${unique()}`, owner_id: owner.id }),
      ]);
      // 20 contacts × 21,000 characters of 漢: 420,000 characters, but 1,260,000 bytes of UTF-8.
      const notes = "漢".repeat(21_000);
      const contacts = Array.from({ length: 20 }, (_, i) => ({
        id: uuidv7(),
        workspace_id: workspaceId,
        first_name: `Writer${i}`,
        last_name: "漢字",
        notes,
        created_by: owner.id,
      }));
      if (db.dialect === "sqlite") {
        type Preparable = { _prepare(): { getQuery(): { params: unknown[] } } };
        const statements = insertMany(db, db.q, db.t.crmContacts, contacts);
        expect(statements.length).toBeGreaterThan(1);
        for (const statement of statements) {
          const { params } = (statement as unknown as Preparable)._prepare().getQuery();
          const bytes = params.reduce<number>((sum, p) => sum + new TextEncoder().encode(String(p)).length, 0);
          expect(bytes).toBeLessThanOrEqual(WRITE_MANY_BYTES);
        }
      }
      await db.atomic((q) => insertMany(db, q, db.t.crmContacts, contacts));
      const stored = await db.q
        .select({ notes: db.t.crmContacts.notes })
        .from(db.t.crmContacts)
        .where(eq(db.t.crmContacts.workspace_id, workspaceId));
      expect(stored).toHaveLength(20);
      expect(stored.every((row) => row.notes === notes)).toBe(true);
    });

    it("skips rows a unique index holds when asked, and otherwise writes none of them", async () => {
      const db = dbOf();
      const [first] = people(1);
      if (!first) throw new Error("no row");
      await db.atomic((q) => insertMany(db, q, db.t.users, [first]));
      const again = people(3).map((row, i) => (i === 1 ? { ...row, email: first.email } : row));

      await expect(db.atomic((q) => insertMany(db, q, db.t.users, again))).rejects.toThrow();
      expect(
        await usersWithIds(
          db,
          again.map((r) => r.id),
        ),
      ).toHaveLength(0);

      await db.atomic((q) => insertMany(db, q, db.t.users, again, { ignoreDuplicates: true }));
      const landed = await usersWithIds(
        db,
        again.map((r) => r.id),
      );
      expect(landed.map((u) => u.id).sort()).toEqual([again[0]?.id, again[2]?.id].sort());
    });

    it("updates each row to its own values, and leaves a row that no longer meets the condition", async () => {
      const db = dbOf();
      const rows = people(250);
      await db.atomic((q) => insertMany(db, q, db.t.users, rows));
      const held = rows[7]?.id ?? "";
      await db.atomic((q) => [q.update(db.t.users).set({ status: "suspended" }).where(eq(db.t.users.id, held))]);

      const [result] = await db.atomic((q) =>
        updateManyById(
          db,
          q,
          db.t.users,
          rows.map((r, i) => ({ id: r.id, name: `Renamed ${i}`, google_id: i % 2 === 0 ? `g-${i}` : null })),
          eq(db.t.users.status, "active"),
        ),
      );
      expect(result?.rowsAffected).toBe(249);
      const stored = new Map(
        (
          await usersWithIds(
            db,
            rows.map((r) => r.id),
          )
        ).map((u) => [u.id, u]),
      );
      for (const [i, row] of rows.entries()) {
        const user = stored.get(row.id);
        if (row.id === held) expect(user).toMatchObject({ name: row.name, google_id: null, status: "suspended" });
        else expect(user).toMatchObject({ name: `Renamed ${i}`, google_id: i % 2 === 0 ? `g-${i}` : null });
      }
    });

    it("matches a list of any length in one statement", async () => {
      const db = dbOf();
      const rows = people(260);
      await db.atomic((q) => insertMany(db, q, db.t.users, rows));
      const wanted = rows.filter((_, i) => i % 2 === 1).map((r) => r.email);
      const found = await db.q
        .select({ email: db.t.users.email })
        .from(db.t.users)
        .where(inValues(db, db.t.users.email, [...wanted, "nobody@example.com"]));
      expect(found.map((f) => f.email).sort()).toEqual([...wanted].sort());
    });
  });
}
