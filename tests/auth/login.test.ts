import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { connectD1 } from "../../db/connect-d1";
import { uuidv7 } from "../../db/uuidv7";
import { client, DEFAULT_PASSWORD, errorOf, signUp, uniqueEmail } from "../helpers/api";

const db = () => connectD1(env.DB);
const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  client().fetch("/api/v1/auth/login", { method: "POST", json: { email, password }, headers });

describe("POST /api/v1/auth/login", () => {
  it("signs in with a new session each time, and both work", async () => {
    const { email, user } = await signUp();
    const first = await login(email, DEFAULT_PASSWORD);
    const second = await login(email.toUpperCase(), DEFAULT_PASSWORD);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    const cookies = [first, second].map((r) => r.headers.getAll("Set-Cookie")[0]?.split(";")[0]);
    expect(cookies[0]).not.toBe(cookies[1]);
    const sessions = await db().q.select().from(db().t.sessions).where(eq(db().t.sessions.user_id, user.id));
    expect(sessions).toHaveLength(3); // sign-up + two sign-ins
    for (const cookie of cookies) {
      expect((await client(cookie ?? null).fetch("/api/v1/auth/me")).status).toBe(200);
    }
  });

  it("answers the same for a wrong password and an unknown email", async () => {
    const { email } = await signUp();
    const wrong = await login(email, "not-the-password");
    const unknown = await login(uniqueEmail("nobody"), "not-the-password");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await errorOf(wrong)).toEqual(await errorOf(unknown));
    expect(wrong.headers.getAll("Set-Cookie")).toEqual([]);
  });

  it("signs a Laravel user in with their bcrypt password and upgrades the hash", async () => {
    const email = uniqueEmail("legacy");
    // What Laravel's Hash::make("secret-legacy-pw") stores: bcrypt, cost 10, PHP's $2y$ prefix.
    const laravelHash = "$2y$10$O0y1hPmIQAbg5E6D3xIdHuhXpT/.huVE/maf.O/VvvNigud8eZGHe";
    const id = uuidv7();
    await db().atomic((q) => [
      q
        .insert(db().t.users)
        .values({ id, name: "Old Timer", email, password: laravelHash, email_verified_at: new Date() }),
    ]);
    expect((await login(email, "wrong-legacy-pw")).status).toBe(401);
    const res = await login(email, "secret-legacy-pw");
    expect(res.status).toBe(200);
    const [row] = await db().q.select().from(db().t.users).where(eq(db().t.users.id, id));
    expect(row?.password).toMatch(/^\$scrypt\$/);
    expect((await login(email, "secret-legacy-pw")).status).toBe(200);
  });

  it.each(["inactive", "suspended"] as const)("refuses a %s account, and its sessions stop working", async (status) => {
    const { email, user, client: me } = await signUp();
    await db().atomic((q) => [q.update(db().t.users).set({ status }).where(eq(db().t.users.id, user.id))]);
    const res = await login(email, DEFAULT_PASSWORD);
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBe("forbidden");
    expect((await me.fetch("/api/v1/auth/me")).status).toBe(401);
  });

  it.each([
    [{ email: "a@example.com" }, "password"],
    [{ password: "x" }, "email"],
    [{ email: "a@example.com", password: "" }, "password"],
    [{ email: ["a@example.com"], password: "x" }, "email"],
  ])("answers 422 for %j", async (json, field) => {
    const res = await client().fetch("/api/v1/auth/login", { method: "POST", json });
    expect(res.status).toBe(422);
    expect((await errorOf(res)).details).toEqual(expect.arrayContaining([expect.objectContaining({ path: field })]));
  });

  it("limits attempts per account with 429 and Retry-After", { timeout: 30_000 }, async () => {
    const { email } = await signUp();
    const answers: number[] = [];
    for (let i = 0; i < 11; i++)
      answers.push((await login(email, `wrong-${i}`, { "CF-Connecting-IP": `10.1.0.${i}` })).status);
    expect(answers.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(answers[10]).toBe(429);
    const blocked = await login(email, DEFAULT_PASSWORD, { "CF-Connecting-IP": "10.1.1.1" });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await errorOf(blocked)).code).toBe("rate_limited");
  });

  // Thirty real password checks: slow by design (scrypt), so this one gets more time.
  it("limits attempts per IP across accounts", { timeout: 60_000 }, async () => {
    const ip = "10.9.9.9";
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++)
      statuses.push((await login(uniqueEmail(`spray${i}`), "guess-guess", { "CF-Connecting-IP": ip })).status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(30);
    expect(statuses[30]).toBe(429);
  });
});
