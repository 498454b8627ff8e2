// The account a Google identity signs into: the one already linked to it, else the
// account with the same email (linked now, when Google vouches for the address), else
// a new account.
import { and, eq, exists, isNull } from "drizzle-orm";
import type { Database, Query } from "../../../db/database";
import { uuidv7 } from "../../../db/uuidv7";
import { TOKENABLE_TYPE } from "../tokens/authenticate-token";
import { findUserByEmail, findUserById } from "./find-user";
import type { GoogleIdentity } from "./google-id-token";
import { UNUSABLE_PASSWORD } from "./password";
import type { UserRow } from "./to-auth-user";

export type GoogleSignInRefusal = "google_email_unverified" | "google_conflict" | "account_disabled";

export type GoogleUserOutcome =
  | { ok: true; user: UserRow; outcome: "existing" | "linked" | "created" }
  | { ok: false; error: GoogleSignInRefusal };

/** users.avatar is VARCHAR(255); a longer or non-https picture is left out rather than cut. */
const avatarFrom = (picture: string | null) =>
  picture?.startsWith("https://") && picture.length <= 255 ? picture : null;

async function findUserByGoogleId(db: Database, sub: string): Promise<UserRow | null> {
  const [row] = await db.q.select().from(db.t.users).where(eq(db.t.users.google_id, sub)).limit(1);
  return row ?? null;
}

const usable = (user: UserRow, outcome: "existing" | "linked" | "created"): GoogleUserOutcome =>
  user.status === "active" ? { ok: true, user, outcome } : { ok: false, error: "account_disabled" };

/**
 * Links Google to an existing account. If that account never confirmed its email,
 * whoever made it may not own the address (account pre-hijacking): its password,
 * sessions and API tokens are dropped, so only the person Google vouches for gets in.
 */
async function linkGoogleAccount(db: Database, user: UserRow, sub: string): Promise<boolean> {
  const { users, sessions, personalAccessTokens: tokens } = db.t;
  const unconfirmed = user.email_verified_at === null;
  const linkedToThisGoogle = (q: Query) =>
    exists(
      q
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, user.id), eq(users.google_id, sub))),
    );
  const [linked] = await db.atomic((q) => [
    q
      .update(users)
      .set(
        unconfirmed
          ? { google_id: sub, email_verified_at: new Date(), password: UNUSABLE_PASSWORD }
          : { google_id: sub },
      )
      .where(and(eq(users.id, user.id), isNull(users.google_id))),
    ...(unconfirmed
      ? [
          q.delete(sessions).where(and(eq(sessions.user_id, user.id), linkedToThisGoogle(q))),
          q
            .delete(tokens)
            .where(
              and(eq(tokens.tokenable_type, TOKENABLE_TYPE), eq(tokens.tokenable_id, user.id), linkedToThisGoogle(q)),
            ),
        ]
      : []),
  ]);
  return Boolean(linked?.rowsAffected);
}

export async function findOrCreateGoogleUser(db: Database, google: GoogleIdentity): Promise<GoogleUserOutcome> {
  const linked = await findUserByGoogleId(db, google.sub);
  if (linked) return usable(linked, "existing");

  // Nothing is revealed about an account, nor changed, until Google vouches for the address.
  if (!google.emailVerified) return { ok: false, error: "google_email_unverified" };

  const sameEmail = await findUserByEmail(db, google.email);
  if (sameEmail) {
    if (sameEmail.status !== "active") return { ok: false, error: "account_disabled" };
    // Already linked to another Google account: the address may have changed hands at Google.
    if (sameEmail.google_id) return { ok: false, error: "google_conflict" };
    if (!(await linkGoogleAccount(db, sameEmail, google.sub))) {
      // Someone linked it between our read and our write; it is ours only if it is this Google account.
      const now = await findUserById(db, sameEmail.id);
      return now?.google_id === google.sub ? usable(now, "existing") : { ok: false, error: "google_conflict" };
    }
    return usable((await findUserById(db, sameEmail.id))!, "linked");
  }

  const id = uuidv7();
  try {
    await db.atomic((q) => [
      q.insert(db.t.users).values({
        id,
        name: (google.name ?? google.email.split("@")[0] ?? google.email).slice(0, 255),
        email: google.email,
        email_verified_at: new Date(),
        password: UNUSABLE_PASSWORD,
        google_id: google.sub,
        avatar: avatarFrom(google.picture),
      }),
    ]);
  } catch (err) {
    // Two callbacks raced (a double click): the unique email kept one, which is the same person.
    const winner = await findUserByGoogleId(db, google.sub);
    if (winner) return usable(winner, "existing");
    throw err;
  }
  return usable((await findUserById(db, id))!, "created");
}
