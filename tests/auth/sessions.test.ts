import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { connectD1 } from "../../db/connect-d1";
import { client, DEFAULT_PASSWORD, errorOf, signUp } from "../helpers/api";

const db = () => connectD1(env.DB);
const signIn = async (email: string) => {
  const c = client();
  const res = await c.fetch("/api/v1/auth/login", {
    method: "POST",
    json: { email, password: DEFAULT_PASSWORD },
    headers: { "User-Agent": "Firefox/140", "CF-Connecting-IP": "203.0.113.7" },
  });
  expect(res.status).toBe(200);
  return c;
};

describe("sessions", () => {
  it("lists my sessions with where they are from, and marks the current one", async () => {
    const { email } = await signUp();
    const laptop = await signIn(email);
    const res = await laptop.fetch("/api/v1/auth/sessions");
    const { data } = (await res.json()) as { data: { id: string; current: boolean; ip_address: string | null }[] };
    expect(data).toHaveLength(2);
    expect(data.filter((s) => s.current)).toHaveLength(1);
    expect(data.find((s) => s.current)).toMatchObject({ ip_address: "203.0.113.7", user_agent: "Firefox/140" });
  });

  it("revokes one session, and only my own", async () => {
    const { email, client: phone } = await signUp();
    const laptop = await signIn(email);
    const { data } = (await (await laptop.fetch("/api/v1/auth/sessions")).json()) as {
      data: { id: string; current: boolean }[];
    };
    const phoneSession = data.find((s) => !s.current)!;
    const stranger = await signUp();
    expect((await stranger.client.fetch(`/api/v1/auth/sessions/${phoneSession.id}`, { method: "DELETE" })).status).toBe(
      404,
    );
    expect((await phone.fetch("/api/v1/auth/me")).status).toBe(200);
    expect((await laptop.fetch(`/api/v1/auth/sessions/${phoneSession.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await phone.fetch("/api/v1/auth/me")).status).toBe(401);
    expect((await laptop.fetch("/api/v1/auth/me")).status).toBe(200);
  });

  it("signs out of this session only, and out of all of them", async () => {
    const { email, client: first } = await signUp();
    const second = await signIn(email);
    const third = await signIn(email);
    const out = await first.fetch("/api/v1/auth/logout", { method: "POST" });
    expect(out.status).toBe(204);
    expect(out.headers.getAll("Set-Cookie").join()).toMatch(/mewayz_session=;.*Max-Age=0/);
    expect((await first.fetch("/api/v1/auth/me")).status).toBe(401);
    expect((await second.fetch("/api/v1/auth/me")).status).toBe(200);
    expect((await second.fetch("/api/v1/auth/logout-all", { method: "POST" })).status).toBe(204);
    expect((await third.fetch("/api/v1/auth/me")).status).toBe(401);
  });

  it("ends a session after its idle time and after 30 days in all", async () => {
    const { user, client: idle } = await signUp();
    const { sessions } = db().t;
    await db().atomic((q) => [
      q
        .update(sessions)
        .set({ expires_at: new Date(Date.now() - 1000) })
        .where(eq(sessions.user_id, user.id)),
    ]);
    expect((await idle.fetch("/api/v1/auth/me")).status).toBe(401);

    const { user: old, client: veteran } = await signUp();
    const [row] = await db().q.select().from(sessions).where(eq(sessions.user_id, old.id));
    const payload = JSON.parse(row!.payload) as { attributes: { started_at: number } };
    payload.attributes.started_at = Date.now() - 31 * 24 * 3600 * 1000;
    await db().atomic((q) => [
      q
        .update(sessions)
        .set({ payload: JSON.stringify(payload) })
        .where(eq(sessions.id, row!.id)),
    ]);
    expect((await veteran.fetch("/api/v1/auth/me")).status).toBe(401);
    expect(await db().q.$count(sessions, eq(sessions.id, row!.id))).toBe(0);
  });

  it("renews a session that is half way to its idle expiry, with a fresh cookie", async () => {
    const { user, client: me } = await signUp();
    const { sessions } = db().t;
    const soon = new Date(Date.now() + 2 * 24 * 3600 * 1000);
    await db().atomic((q) => [q.update(sessions).set({ expires_at: soon }).where(eq(sessions.user_id, user.id))]);
    const res = await me.fetch("/api/v1/auth/me");
    expect(res.status).toBe(200);
    expect(res.headers.getAll("Set-Cookie").join()).toMatch(/mewayz_session=[^;]+; HttpOnly; Max-Age=604800/);
    const [row] = await db().q.select().from(sessions).where(eq(sessions.user_id, user.id));
    expect(row!.expires_at!.getTime()).toBeGreaterThan(soon.getTime());
  });

  it.each(["tampered", "a".repeat(43), "", "x;y"])("treats the cookie %j as signed out", async (value) => {
    const res = await client(`mewayz_session=${value}`).fetch("/api/v1/auth/me");
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe("unauthorized");
  });
});

describe("my profile", () => {
  it("updates name, avatar and preferences, merging preferences", async () => {
    const { client: me } = await signUp();
    const first = await me.fetch("/api/v1/auth/me", {
      method: "PATCH",
      json: { name: " Ada King ", preferences: { theme: "dark", timezone: "Europe/London" } },
    });
    expect(first.status).toBe(200);
    const second = await me.fetch("/api/v1/auth/me", {
      method: "PATCH",
      json: {
        avatar: "https://cdn.example.com/ada.png",
        preferences: { email_notifications: { weekly_digest: false } },
      },
    });
    const { user } = (await second.json()) as { user: Record<string, unknown> };
    expect(user).toMatchObject({
      name: "Ada King",
      avatar: "https://cdn.example.com/ada.png",
      preferences: { theme: "dark", timezone: "Europe/London", email_notifications: { weekly_digest: false } },
    });
  });

  it.each([
    [{ preferences: { theme: "neon" } }, "preferences.theme"],
    [{ preferences: { timezone: "Mars/Olympus" } }, "preferences.timezone"],
    [{ preferences: { favourite_colour: "red" } }, "preferences"],
    [{ avatar: "javascript:alert(1)" }, "avatar"],
    [{ avatar: "http://cdn.example.com/a.png" }, "avatar"],
    [{ name: "" }, "name"],
    [{ email: "new@example.com" }, ""],
  ])("refuses %j and changes nothing", async (json, path) => {
    const { client: me } = await signUp({ name: "Unchanged" });
    const res = await me.fetch("/api/v1/auth/me", { method: "PATCH", json });
    expect(res.status).toBe(422);
    expect((await errorOf(res)).details).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
    const { user } = (await (await me.fetch("/api/v1/auth/me")).json()) as { user: { name: string } };
    expect(user.name).toBe("Unchanged");
  });
});

describe("changing my password", () => {
  it("needs the current password, and signs out every other session", async () => {
    const { email, client: here } = await signUp();
    const elsewhere = await signIn(email);
    const wrong = await here.fetch("/api/v1/auth/password", {
      method: "POST",
      json: { current_password: "not-it-at-all", new_password: "a-brand-new-passphrase" },
    });
    expect(wrong.status).toBe(422);
    expect((await errorOf(wrong)).details).toEqual([expect.objectContaining({ path: "current_password" })]);
    expect((await elsewhere.fetch("/api/v1/auth/me")).status).toBe(200);

    const ok = await here.fetch("/api/v1/auth/password", {
      method: "POST",
      json: { current_password: DEFAULT_PASSWORD, new_password: "a-brand-new-passphrase" },
    });
    expect(ok.status).toBe(204);
    expect((await here.fetch("/api/v1/auth/me")).status).toBe(200);
    expect((await elsewhere.fetch("/api/v1/auth/me")).status).toBe(401);
    const login = (password: string) =>
      client().fetch("/api/v1/auth/login", { method: "POST", json: { email, password } });
    expect((await login(DEFAULT_PASSWORD)).status).toBe(401);
    expect((await login("a-brand-new-passphrase")).status).toBe(200);
  });

  it("refuses a common new password", async () => {
    const { client: me } = await signUp();
    const res = await me.fetch("/api/v1/auth/password", {
      method: "POST",
      json: { current_password: DEFAULT_PASSWORD, new_password: "qwertyuiop" },
    });
    expect(res.status).toBe(422);
  });

  it("is refused without a session", async () => {
    const res = await client().fetch("/api/v1/auth/password", {
      method: "POST",
      json: { current_password: DEFAULT_PASSWORD, new_password: "a-brand-new-passphrase" },
    });
    expect(res.status).toBe(401);
  });
});
