// Platform tokens are sealed with AES-256-GCM before they reach the database. The
// key comes from the SOCIAL_TOKEN_KEYS secret (`kid:secret,…`, newest first); the
// row stores which key sealed it, so a new key can be added and old rows still open
// (they are re-sealed with the newest key at their next refresh). Without the secret,
// outside production, a fixed development key is used so `npm start` needs no setup.
import type { JsonObject } from "../../../db/schema/json-types";
import type { Env } from "../../lib/env";

export type SealedTokens = { v: 1; iv: string; ct: string };
type Keyring = { current: string; keys: Map<string, string> };

const DEV_KEY = "dev:mewayz-development-only-social-token-key";

function keyringOf(env: Env): Keyring {
  const spec = env.SOCIAL_TOKEN_KEYS?.trim();
  if (!spec && env.APP_ENV === "production") {
    throw new Error("SOCIAL_TOKEN_KEYS is not set: platform tokens cannot be stored.");
  }
  const keys = new Map<string, string>();
  for (const entry of (spec || DEV_KEY).split(",")) {
    const colon = entry.indexOf(":");
    if (colon > 0) keys.set(entry.slice(0, colon).trim(), entry.slice(colon + 1).trim());
  }
  const current = keys.keys().next().value;
  if (!current) throw new Error("SOCIAL_TOKEN_KEYS has no `kid:secret` entry.");
  return { current, keys };
}

const cryptoKeys = new Map<string, Promise<CryptoKey>>();

/** The secret, whatever its length, hashed to 256 bits. */
function aesKey(secret: string): Promise<CryptoKey> {
  let key = cryptoKeys.get(secret);
  if (!key) {
    key = crypto.subtle
      .digest("SHA-256", new TextEncoder().encode(secret))
      .then((raw) => crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]));
    cryptoKeys.set(secret, key);
  }
  return key;
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));

/** Seals tokens with the newest key; the key id goes in social_media_accounts.token_key_id. */
export async function sealTokens(env: Env, tokens: object): Promise<{ sealed: JsonObject; keyId: string }> {
  const ring = keyringOf(env);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await aesKey(ring.keys.get(ring.current) ?? "");
  const ct = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv },
    key,
    new TextEncoder().encode(JSON.stringify(tokens)),
  );
  const sealed: SealedTokens = { v: 1, iv: toBase64(iv), ct: toBase64(new Uint8Array(ct)) };
  return { sealed, keyId: ring.current };
}

/** Whether SOCIAL_TOKEN_KEYS still has the key with this id. */
export const hasTokenKey = (env: Env, keyId: string | null) => keyringOf(env).keys.has(keyId ?? "");

/** Opens tokens sealed under `keyId`; throws when that key is no longer configured or the data was altered. */
export async function openTokens<T>(env: Env, sealed: unknown, keyId: string | null): Promise<T> {
  const ring = keyringOf(env);
  const secret = ring.keys.get(keyId ?? "");
  const box = sealed as Partial<SealedTokens> | null;
  if (!secret || !box || box.v !== 1 || typeof box.iv !== "string" || typeof box.ct !== "string") {
    throw new Error(`Tokens sealed with key "${keyId}" cannot be opened.`);
  }
  const plain = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: fromBase64(box.iv) },
    await aesKey(secret),
    fromBase64(box.ct),
  );
  return JSON.parse(new TextDecoder().decode(plain)) as T;
}
