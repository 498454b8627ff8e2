import { eq } from "drizzle-orm";
import type { Database } from "../../../db/database";
import type { UserRow } from "./to-auth-user";

export async function findUserByEmail(db: Database, email: string): Promise<UserRow | null> {
  const [row] = await db.q.select().from(db.t.users).where(eq(db.t.users.email, email.toLowerCase())).limit(1);
  return row ?? null;
}

export async function findUserById(db: Database, id: string): Promise<UserRow | null> {
  const [row] = await db.q.select().from(db.t.users).where(eq(db.t.users.id, id)).limit(1);
  return row ?? null;
}
