// Password hashing with scrypt at OWASP's parameters (N=2^14, r=8, p=5). workerd caps
// scrypt at N·r·p ≤ 2^20 and PBKDF2 at 100,000 iterations (below OWASP's 600,000),
// so scrypt is the strongest standard choice that runs on Workers. The stored string
// names the algorithm and its parameters, so they can be raised later and old
// hashes upgraded at the next sign-in.
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

export const SCRYPT_PARAMS = { ln: 14, r: 8, p: 5 } as const;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, params: { ln: number; r: number; p: number }): Promise<Buffer> {
  const N = 2 ** params.ln;
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize("NFKC"),
      salt,
      KEY_LENGTH,
      { N, r: params.r, p: params.p, maxmem: 256 * N * params.r },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );
}

/** `$scrypt$ln=14,r=8,p=5$<salt>$<hash>` (base64, no padding). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, SCRYPT_PARAMS);
  const { ln, r, p } = SCRYPT_PARAMS;
  return `$scrypt$ln=${ln},r=${r},p=${p}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

type ParsedScrypt = { ln: number; r: number; p: number; salt: Buffer; key: Buffer };

function parseScrypt(stored: string): ParsedScrypt | null {
  const m = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/.exec(stored);
  if (!m) return null;
  return {
    ln: Number(m[1]),
    r: Number(m[2]),
    p: Number(m[3]),
    salt: Buffer.from(m[4] ?? "", "base64url"),
    key: Buffer.from(m[5] ?? "", "base64url"),
  };
}

/** True when the stored hash was made with weaker parameters than today's (or another algorithm). */
export function needsRehash(stored: string): boolean {
  const parsed = parseScrypt(stored);
  if (!parsed) return true;
  return parsed.ln < SCRYPT_PARAMS.ln || parsed.r < SCRYPT_PARAMS.r || parsed.p < SCRYPT_PARAMS.p;
}

export async function verifyScrypt(password: string, stored: string): Promise<boolean> {
  const parsed = parseScrypt(stored);
  if (!parsed || parsed.key.length === 0) return false;
  const key = await derive(password, parsed.salt, parsed);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/** Stored for accounts made through Google: no password can ever match it. */
export const UNUSABLE_PASSWORD = "!";

/** A real hash of nothing, verified when the email is unknown so both answers take as long. */
const DUMMY_HASH = "$scrypt$ln=14,r=8,p=5$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

export type PasswordCheck = { ok: boolean; rehash: boolean };

/**
 * Checks a password against what the users table holds: our scrypt strings, or
 * bcrypt hashes (`$2y$…`) from the Laravel platform, which are upgraded by the caller
 * after the first successful sign-in.
 */
export async function verifyPassword(password: string, stored: string | null): Promise<PasswordCheck> {
  if (!stored || stored === UNUSABLE_PASSWORD) {
    await verifyScrypt(password, DUMMY_HASH);
    return { ok: false, rehash: false };
  }
  if (/^\$2[abxy]\$\d\d\$/.test(stored)) {
    const { compare } = await import("bcryptjs");
    // PHP writes $2y$; it is the same algorithm as $2b$, which bcryptjs reads.
    const ok = await compare(password, stored.replace(/^\$2y\$/, "$2b$"));
    return { ok, rehash: ok };
  }
  const ok = await verifyScrypt(password, stored);
  return { ok, rehash: ok && needsRehash(stored) };
}
