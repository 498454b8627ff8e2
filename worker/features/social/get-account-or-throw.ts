import { and, eq } from "drizzle-orm";
import type { Database } from "../../../db/database";
import { AppError } from "../../lib/errors";
import type { AccountRow } from "./account-row";

export const accountNotFound = () =>
  new AppError("not_found", "This social account is not connected to this workspace.");

/** A connected account, found only within its workspace. */
export async function getAccountOrThrow(
  db: Database,
  where: { workspaceId: string; accountId: string },
): Promise<AccountRow> {
  const t = db.t.socialMediaAccounts;
  const [row] = await db.q
    .select()
    .from(t)
    .where(and(eq(t.workspace_id, where.workspaceId), eq(t.id, where.accountId.toLowerCase())))
    .limit(1);
  if (!row) throw accountNotFound();
  return row;
}
