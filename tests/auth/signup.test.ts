import { env, SELF } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { connectD1 } from "../../db/connect-d1";
import { client, DEFAULT_PASSWORD, errorOf, latestMail, signUp, uniqueEmail } from "../helpers/api";

const db = () => connectD1(env.DB);
const userCount = () => db().q.$count(db().t.users);

describe("POST /api/v1/auth/signup", () => {
  it("creates the account, signs in, and mails a confirmation link", async () => {
    const email = uniqueEmail("Signup");
    const { client: me, user } = await signUp({ email: `  ${email.toUpperCase()} `, name: "  Grace Hopper " });
    expect(user).toMatchObject({ email: email.toLowerCase(), email_verified_at: null });
    const res = await me.fetch("/api/v1/auth/me");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { user: Record<string, unknown> };
    expect(body.user).toMatchObject({ name: "Grace Hopper", role: "user", status: "active", has_password: true });
    expect(body.user).not.toHaveProperty("password");
    const mail = await latestMail(email.toLowerCase(), /Confirm/);
    expect(mail.text).toMatch(/\/app\/verify-email\?token=[A-Za-z0-9_-]{40,}/);

    const [row] = await db().q.select().from(db().t.users).where(eq(db().t.users.email, email.toLowerCase()));
    expect(row?.password).toMatch(/^\$scrypt\$ln=14,r=8,p=5\$/);
  });

  it("sets a session cookie that holds a token, while the database keeps only its hash", async () => {
    const res = await client().fetch("/api/v1/auth/signup", {
      method: "POST",
      json: { name: "Lin", email: uniqueEmail(), password: DEFAULT_PASSWORD },
    });
    const cookie = res.headers.getAll("Set-Cookie").find((h: string) => h.startsWith("mewayz_session="));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    const token = /mewayz_session=([^;]+)/.exec(cookie ?? "")?.[1] ?? "";
    expect(token.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
    const { user } = (await res.json()) as { user: { id: string } };
    const stored = await db().q.select().from(db().t.sessions).where(eq(db().t.sessions.user_id, user.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.id).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0]?.id).not.toContain(token);
  });

  it("uses a __Host- Secure cookie away from localhost", async () => {
    const res = await SELF.fetch("https://app.mewayz.com/api/v1/auth/signup", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Sec-Fetch-Site": "same-origin" },
      body: JSON.stringify({ name: "Lin", email: uniqueEmail(), password: DEFAULT_PASSWORD }),
    });
    expect(res.status).toBe(201);
    const cookie = res.headers.getAll("Set-Cookie").find((h: string) => h.startsWith("__Host-mewayz_session="));
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).not.toMatch(/Domain=/i);
  });

  it("refuses an email that already has an account", async () => {
    const { email } = await signUp();
    const before = await userCount();
    const res = await client().fetch("/api/v1/auth/signup", {
      method: "POST",
      json: { name: "Again", email: email.toUpperCase(), password: DEFAULT_PASSWORD },
    });
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe("conflict");
    expect(await userCount()).toBe(before);
  });

  it.each([
    ["a missing name", { email: "x@example.com", password: DEFAULT_PASSWORD }, "name"],
    ["an empty name", { name: "   ", email: "x@example.com", password: DEFAULT_PASSWORD }, "name"],
    ["an overlong name", { name: "n".repeat(256), email: "x@example.com", password: DEFAULT_PASSWORD }, "name"],
    ["a malformed email", { name: "Ann", email: "not-an-email", password: DEFAULT_PASSWORD }, "email"],
    [
      "an overlong email",
      { name: "Ann", email: `${"a".repeat(250)}@example.com`, password: DEFAULT_PASSWORD },
      "email",
    ],
    ["a short password", { name: "Ann", email: "x@example.com", password: "short" }, "password"],
    ["an overlong password", { name: "Ann", email: "x@example.com", password: "p".repeat(129) }, "password"],
    ["a common password", { name: "Ann", email: "x@example.com", password: "Password123" }, "password"],
    ["a number for a name", { name: 42, email: "x@example.com", password: DEFAULT_PASSWORD }, "name"],
  ])("answers 422 and writes nothing for %s", async (_, json, field) => {
    const before = await userCount();
    const res = await client().fetch("/api/v1/auth/signup", { method: "POST", json });
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.code).toBe("validation_failed");
    expect(error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: field })]));
    expect(await userCount()).toBe(before);
  });

  it("answers 400 for a body that is not JSON", async () => {
    const res = await client().fetch("/api/v1/auth/signup", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: '{"name": "Ann",',
    });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({ code: "invalid_json" });
  });
});
