import { and, eq } from "drizzle-orm";
import type { Database } from "../../../db/database";
import { TOKENABLE_TYPE } from "./authenticate-token";

/** The tokens of one user: every read or change of a token goes through this filter. */
export function ownedBy(db: Database, userId: string) {
  const tokens = db.t.personalAccessTokens;
  return and(eq(tokens.tokenable_type, TOKENABLE_TYPE), eq(tokens.tokenable_id, userId));
}
