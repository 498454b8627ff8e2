import { randomToken, sha256Hex } from "../../lib/crypto";

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** A fresh link secret: the token goes into the mail, only its SHA-256 into the database. */
export async function newInvitationToken(now = Date.now()) {
  const token = randomToken();
  return { token, hash: await sha256Hex(token), expiresAt: new Date(now + INVITATION_LIFETIME_MS) };
}
