// Lucia's official adapter suite against our sessions adapter, on whichever database is given.
import { databaseUser, testAdapter } from "@lucia-auth/adapter-test";
import type { DatabaseUser } from "lucia";
import { expect, it } from "vitest";
import type { Database } from "../../db/database";
import { createSessionAdapter } from "../../worker/features/auth/session-adapter";

export function sessionAdapterSuite(dbOf: () => Database) {
  it("passes @lucia-auth/adapter-test", async () => {
    const db = dbOf();
    const username = (databaseUser.attributes as unknown as { username: string }).username;
    await db.atomic((q) => [
      q
        .insert(db.t.users)
        .values({ id: databaseUser.id, name: username, email: `${username}@example.com`, password: "x" }),
    ]);
    const adapter = createSessionAdapter(
      db,
      (row) => ({ username: row.name }) as unknown as DatabaseUser["attributes"],
    );
    await expect(testAdapter(adapter)).resolves.toBeUndefined();
  });
}
