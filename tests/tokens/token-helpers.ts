// Helpers for the token tests: make a token through the API, call the API with it
// as a script would (no cookie, no browser headers), and peek at the table.
import { env, SELF } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { connectD1 } from "../../db/connect-d1";
import { type Client, ORIGIN } from "../helpers/api";

export type TokenJson = {
  id: number;
  name: string;
  abilities: string[];
  last_used_at: string | null;
  expires_at: string | null;
  created_at: string | null;
};

export const database = () => connectD1(env.DB);

/** Creates a token through the signed-in client and hands back its JSON and plain text. */
export async function createToken(owner: Client, body: Record<string, unknown> = { name: "CLI" }) {
  const res = await owner.fetch("/api/v1/tokens", { method: "POST", json: body });
  if (res.status !== 201) throw new Error(`token creation failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { token: TokenJson; plain_text_token: string };
}

/** A request as a script sends it: the bearer token only, no cookie, no Sec-Fetch-Site. */
export function withToken(plainText: string, path: string, init: RequestInit & { json?: unknown } = {}) {
  const headers = new Headers(init.headers);
  headers.set("Authorization", `Bearer ${plainText}`);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set("Content-Type", "application/json");
    body = JSON.stringify(init.json);
  }
  return SELF.fetch(`${ORIGIN}${path}`, { ...init, headers, body });
}

export async function countTokens(): Promise<number> {
  const db = database();
  return db.q.$count(db.t.personalAccessTokens);
}

export async function setUser(id: string, changes: { role?: "admin" | "user"; status?: "active" | "suspended" }) {
  const db = database();
  await db.atomic((q) => [q.update(db.t.users).set(changes).where(eq(db.t.users.id, id))]);
}

export async function setTokenExpiry(id: number, expiresAt: Date | null) {
  const db = database();
  const tokens = db.t.personalAccessTokens;
  await db.atomic((q) => [q.update(tokens).set({ expires_at: expiresAt }).where(eq(tokens.id, id))]);
}
