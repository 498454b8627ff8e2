// Verifies the ID token Google hands back with the code: an RS256 JWT signed with one
// of the keys Google publishes as a JWKS. The token comes straight from Google's token
// endpoint over TLS, so this is defence in depth (OIDC Core 3.1.3.7) — but it is what
// stops a misconfigured endpoint or a token meant for another app from signing anyone in.
import { z } from "zod";

export const GOOGLE_ISSUERS = ["https://accounts.google.com", "accounts.google.com"] as const;

/** A key Google rotated in is looked for again, but at most this often, whatever a token claims. */
const UNKNOWN_KID_REFETCH_MS = 60_000;

export type GoogleIdentity = {
  sub: string;
  email: string;
  emailVerified: boolean;
  name: string | null;
  picture: string | null;
};

/** Why a token was refused; for the log, never shown to the person signing in. */
export class GoogleIdTokenError extends Error {
  readonly reason: string;
  constructor(reason: string, detail?: string) {
    super(detail ? `${reason}: ${detail}` : reason);
    this.reason = reason;
  }
}

const JwtHeader = z.object({ alg: z.literal("RS256"), kid: z.string().min(1) });

const Claims = z.object({
  iss: z.enum(GOOGLE_ISSUERS),
  aud: z.union([z.string(), z.array(z.string())]),
  azp: z.string().optional(),
  exp: z.number(),
  sub: z.string().min(1).max(255),
  email: z.string().max(255).email(),
  // Google sends a boolean; a few older tokens carried the string.
  email_verified: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]).optional(),
  name: z.string().optional(),
  given_name: z.string().optional(),
  family_name: z.string().optional(),
  picture: z.string().optional(),
});

const Jwks = z.object({
  keys: z.array(
    z.object({
      kty: z.string(),
      kid: z.string().optional(),
      alg: z.string().optional(),
      use: z.string().optional(),
      n: z.string().optional(),
      e: z.string().optional(),
    }),
  ),
});

function base64UrlBytes(segment: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(segment)) throw new GoogleIdTokenError("malformed", "not base64url");
  const binary = atob(segment.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((segment.length + 3) % 4));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

function jsonSegment(segment: string): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(base64UrlBytes(segment)));
  } catch {
    throw new GoogleIdTokenError("malformed", "segment is not JSON");
  }
}

type KeySet = { keys: Map<string, CryptoKey>; fetchedAt: number; expiresAt: number };

// Per isolate, by JWKS address. Resolved key sets only: a promise started by one request
// must not be awaited by another in workerd.
const keySets = new Map<string, KeySet>();

async function fetchKeySet(url: string, now: number): Promise<KeySet> {
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  if (!res.ok) throw new GoogleIdTokenError("jwks_unavailable", `${url} answered ${res.status}`);
  const parsed = Jwks.safeParse(await res.json().catch(() => null));
  if (!parsed.success) throw new GoogleIdTokenError("jwks_unavailable", `${url} is not a JWKS`);
  const keys = new Map<string, CryptoKey>();
  for (const jwk of parsed.data.keys) {
    if (jwk.kty !== "RSA" || !jwk.kid || !jwk.n || !jwk.e) continue;
    if ((jwk.alg && jwk.alg !== "RS256") || (jwk.use && jwk.use !== "sig")) continue;
    const key = await crypto.subtle.importKey(
      "jwk",
      { kty: "RSA", n: jwk.n, e: jwk.e, alg: "RS256", ext: true },
      { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" },
      false,
      ["verify"],
    );
    keys.set(jwk.kid, key);
  }
  const maxAge = /(?:^|[,\s])max-age=(\d+)/i.exec(res.headers.get("Cache-Control") ?? "")?.[1];
  return { keys, fetchedAt: now, expiresAt: now + Number(maxAge ?? 0) * 1000 };
}

async function signingKey(url: string, kid: string, now: number): Promise<CryptoKey | null> {
  let set = keySets.get(url);
  const stale = !set || set.expiresAt <= now;
  const rotated = set && !set.keys.has(kid) && now - set.fetchedAt >= UNKNOWN_KID_REFETCH_MS;
  if (stale || rotated) {
    set = await fetchKeySet(url, now);
    keySets.set(url, set);
  }
  return set?.keys.get(kid) ?? null;
}

/** The person an ID token names, once its signature, issuer, audience and expiry check out. */
export async function verifyGoogleIdToken(
  idToken: string,
  expected: { clientId: string; jwksUrl: string },
  now = Date.now(),
): Promise<GoogleIdentity> {
  const [headerPart, payloadPart, signaturePart, ...rest] = idToken.split(".");
  if (headerPart === undefined || payloadPart === undefined || signaturePart === undefined || rest.length > 0) {
    throw new GoogleIdTokenError("malformed", "not a JWS compact serialization");
  }
  const header = JwtHeader.safeParse(jsonSegment(headerPart));
  if (!header.success) throw new GoogleIdTokenError("malformed", "header is not RS256 with a kid");

  const key = await signingKey(expected.jwksUrl, header.data.kid, now);
  if (!key) throw new GoogleIdTokenError("unknown_key", header.data.kid);
  const signed = await crypto.subtle.verify(
    "RSASSA-PKCS1-v1_5",
    key,
    base64UrlBytes(signaturePart),
    new TextEncoder().encode(`${headerPart}.${payloadPart}`),
  );
  if (!signed) throw new GoogleIdTokenError("bad_signature");

  const parsed = Claims.safeParse(jsonSegment(payloadPart));
  if (!parsed.success) throw new GoogleIdTokenError("bad_claims", parsed.error.issues.map((i) => i.path).join(", "));
  const claims = parsed.data;
  const audiences = typeof claims.aud === "string" ? [claims.aud] : claims.aud;
  // With several audiences, OIDC requires the authorized party to be us.
  const forUs = audiences.includes(expected.clientId) && (audiences.length === 1 || claims.azp === expected.clientId);
  if (!forUs) throw new GoogleIdTokenError("wrong_audience", audiences.join(" "));
  if (claims.exp * 1000 <= now) throw new GoogleIdTokenError("expired", new Date(claims.exp * 1000).toISOString());

  const fullName = [claims.given_name, claims.family_name].filter(Boolean).join(" ");
  return {
    sub: claims.sub,
    email: claims.email.toLowerCase(),
    emailVerified: claims.email_verified ?? false,
    name: claims.name?.trim() || fullName || null,
    picture: claims.picture ?? null,
  };
}
