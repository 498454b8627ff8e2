// The token data functions on whichever database is given. MySQL has no RETURNING, so
// a new token's id is learned by reading the row back by its hash: that must hold on
// MySQL as well as on D1, and so must imported Sanctum rows with their own ids.
import { expect, it } from "vitest";
import type { Database } from "../../db/database";
import { uuidv7 } from "../../db/uuidv7";
import { authenticateToken } from "../../worker/features/tokens/authenticate-token";
import { createToken } from "../../worker/features/tokens/create-token";
import { deleteToken } from "../../worker/features/tokens/delete-token";
import { listTokens } from "../../worker/features/tokens/list-tokens";
import { AppError } from "../../worker/lib/errors";
import { SANCTUM_V2_TOKEN, SANCTUM_V4_TOKEN } from "./fixtures/sanctum-token";

async function newUser(db: Database): Promise<string> {
  const id = uuidv7();
  await db.atomic((q) => [q.insert(db.t.users).values({ id, name: "Ada", email: `${id}@example.com`, password: "x" })]);
  return id;
}

export function tokenStoreSuite(dbOf: () => Database) {
  // First in the file, so the explicit ids 7 and 8 are free.
  it("authenticates imported Sanctum rows, and numbers new tokens after them", async () => {
    const db = dbOf();
    const owner = await newUser(db);
    await db.atomic((q) => [
      q.insert(db.t.personalAccessTokens).values([
        { ...SANCTUM_V4_TOKEN.row, tokenable_id: owner },
        { ...SANCTUM_V2_TOKEN.row, tokenable_id: owner },
      ]),
    ]);
    for (const fixture of [SANCTUM_V4_TOKEN, SANCTUM_V2_TOKEN]) {
      const found = await authenticateToken(db, fixture.plainTextToken);
      expect(found).toMatchObject({ user: { id: owner }, tokenId: fixture.id });
      expect(found?.abilities).toContain("account:write");
      expect(found?.abilities).not.toContain("admin");
    }
    const next = await createToken(db, { userId: owner, name: "new", abilities: ["crm:read"], expiresAt: null });
    expect(next.row.id).toBeGreaterThan(SANCTUM_V2_TOKEN.id);
  });

  it("creates a token whose plain text authenticates and whose row keeps only the hash", async () => {
    const db = dbOf();
    const owner = await newUser(db);
    const expiresAt = new Date(Date.now() + 86_400_000);
    expiresAt.setUTCMilliseconds(0);
    const { row, plainTextToken } = await createToken(db, {
      userId: owner,
      name: "CLI",
      abilities: ["account:read", "crm:write"],
      expiresAt,
    });
    expect(plainTextToken.startsWith(`${row.id}|mwz_`)).toBe(true);
    expect(row).toMatchObject({
      tokenable_type: "App\\Models\\User",
      tokenable_id: owner,
      name: "CLI",
      expires_at: expiresAt,
    });
    expect(row.token).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(row.abilities ?? "null")).toEqual(["account:read", "crm:write"]);
    const found = await authenticateToken(db, plainTextToken);
    expect(found).toMatchObject({ user: { id: owner }, tokenId: row.id, abilities: ["account:read", "crm:write"] });
  });

  it("lists a user's tokens newest first, a page at a time, and no one else's", async () => {
    const db = dbOf();
    const owner = await newUser(db);
    const other = await newUser(db);
    const make = (userId: string, name: string) =>
      createToken(db, { userId, name, abilities: ["crm:read"], expiresAt: null });
    const a = await make(owner, "a");
    await make(other, "theirs");
    const b = await make(owner, "b");
    const c = await make(owner, "c");

    const first = await listTokens(db, owner, { limit: 2 });
    expect(first.data.map((t) => t.id)).toEqual([c.row.id, b.row.id]);
    const second = await listTokens(db, owner, { limit: 2, cursor: first.next_cursor! });
    expect(second).toEqual({ data: [expect.objectContaining({ id: a.row.id, name: "a" })], next_cursor: null });
  });

  it("deletes a token for its owner only", async () => {
    const db = dbOf();
    const owner = await newUser(db);
    const other = await newUser(db);
    const { row, plainTextToken } = await createToken(db, {
      userId: owner,
      name: "t",
      abilities: ["crm:read"],
      expiresAt: null,
    });
    await expect(deleteToken(db, other, row.id)).rejects.toThrow(AppError);
    expect(await authenticateToken(db, plainTextToken)).not.toBeNull();
    await deleteToken(db, owner, row.id);
    expect(await authenticateToken(db, plainTextToken)).toBeNull();
    await expect(deleteToken(db, owner, row.id)).rejects.toMatchObject({ code: "not_found" });
  });
}
