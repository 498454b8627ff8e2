import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { connectD1 } from "../../db/connect-d1";
import { client, DEFAULT_PASSWORD, errorOf, latestMail, signUp, tokenIn, uniqueEmail } from "../helpers/api";

const db = () => connectD1(env.DB);
const post = (path: string, json: unknown, c = client()) => c.fetch(path, { method: "POST", json });

describe("email confirmation", () => {
  it("confirms the address with the mailed link, once", async () => {
    const { email, client: me } = await signUp();
    const token = tokenIn(await latestMail(email, /Confirm/));
    const res = await post("/api/v1/auth/email/verify", { token });
    expect(res.status).toBe(200);
    const { user } = (await res.json()) as { user: { email_verified_at: string | null } };
    expect(user.email_verified_at).not.toBeNull();
    const again = await post("/api/v1/auth/email/verify", { token });
    expect(again.status).toBe(400);
    expect((await errorOf(again)).code).toBe("bad_request");
    expect((await me.fetch("/api/v1/auth/email/resend", { method: "POST" })).status).toBe(409);
  });

  it("resends a new link that replaces the old one", async () => {
    const { email, client: me } = await signUp();
    const old = tokenIn(await latestMail(email, /Confirm/));
    expect((await me.fetch("/api/v1/auth/email/resend", { method: "POST" })).status).toBe(202);
    let fresh = old;
    for (let i = 0; i < 20 && fresh === old; i++) fresh = tokenIn(await latestMail(email, /Confirm/));
    expect(fresh).not.toBe(old);
    expect((await post("/api/v1/auth/email/verify", { token: old })).status).toBe(400);
    expect((await post("/api/v1/auth/email/verify", { token: fresh })).status).toBe(200);
  });

  it("refuses expired and tampered links", async () => {
    const { email, user } = await signUp();
    const token = tokenIn(await latestMail(email, /Confirm/));
    expect((await post("/api/v1/auth/email/verify", { token: `${token.slice(0, -2)}xx` })).status).toBe(400);
    expect((await post("/api/v1/auth/email/verify", { token: "short" })).status).toBe(422);
    const { userTokens } = db().t;
    await db().atomic((q) => [
      q
        .update(userTokens)
        .set({ expires_at: new Date(Date.now() - 1000) })
        .where(eq(userTokens.user_id, user.id)),
    ]);
    expect((await post("/api/v1/auth/email/verify", { token })).status).toBe(400);
  });
});

describe("password reset", () => {
  it("answers the same whether or not the email has an account", async () => {
    const { email } = await signUp();
    const known = await post("/api/v1/auth/password/forgot", { email });
    const unknown = await post("/api/v1/auth/password/forgot", { email: uniqueEmail("ghost") });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await known.json()).toEqual(await unknown.json());
  });

  it("sets the new password with the link, once, and ends every session", async () => {
    const { email, client: me } = await signUp();
    await post("/api/v1/auth/password/forgot", { email });
    const token = tokenIn(await latestMail(email, /Reset/));
    const res = await post("/api/v1/auth/password/reset", { token, password: "an-entirely-new-one" });
    expect(res.status).toBe(204);
    expect((await me.fetch("/api/v1/auth/me")).status).toBe(401);
    const login = (password: string) => post("/api/v1/auth/login", { email, password });
    expect((await login(DEFAULT_PASSWORD)).status).toBe(401);
    expect((await login("an-entirely-new-one")).status).toBe(200);

    const replay = await post("/api/v1/auth/password/reset", { token, password: "yet-another-password" });
    expect(replay.status).toBe(400);
    expect((await login("yet-another-password")).status).toBe(401);
  });

  it("refuses an expired link and a weak password, changing nothing", async () => {
    const { email, user } = await signUp();
    await post("/api/v1/auth/password/forgot", { email });
    const token = tokenIn(await latestMail(email, /Reset/));
    const weak = await post("/api/v1/auth/password/reset", { token, password: "password" });
    expect(weak.status).toBe(422);
    const { userTokens } = db().t;
    await db().atomic((q) => [
      q
        .update(userTokens)
        .set({ expires_at: new Date(Date.now() - 1000) })
        .where(eq(userTokens.user_id, user.id)),
    ]);
    expect((await post("/api/v1/auth/password/reset", { token, password: "a-fine-new-passphrase" })).status).toBe(400);
    expect((await post("/api/v1/auth/login", { email, password: DEFAULT_PASSWORD })).status).toBe(200);
  });
});

describe("cross-site requests", () => {
  it("refuses a cookie-authenticated write from another site", async () => {
    const { client: me } = await signUp({ name: "Target" });
    const res = await me.fetch("/api/v1/auth/me", {
      method: "PATCH",
      headers: { "Sec-Fetch-Site": "cross-site" },
      json: { name: "Hacked" },
    });
    expect(res.status).toBe(403);
    expect((await errorOf(res)).details).toEqual({ reason: "cross_site" });
    const { user } = (await (await me.fetch("/api/v1/auth/me")).json()) as { user: { name: string } };
    expect(user.name).toBe("Target");
  });

  it("falls back to Origin when the browser sends no Sec-Fetch-Site", async () => {
    const { client: me } = await signUp();
    const evil = await me.fetch("/api/v1/auth/logout", {
      method: "POST",
      headers: { "Sec-Fetch-Site": "", Origin: "https://evil.example" },
    });
    expect(evil.status).toBe(403);
    expect((await me.fetch("/api/v1/auth/me")).status).toBe(200);
  });

  it("refuses a form-encoded body, which a cross-site form could send", async () => {
    const { client: me } = await signUp();
    const res = await me.fetch("/api/v1/auth/me", {
      method: "PATCH",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "name=Hacked",
    });
    expect(res.status).toBe(415);
  });
});
