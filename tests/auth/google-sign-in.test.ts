import { env, SELF } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { connectD1 } from "../../db/connect-d1";
import { app } from "../../worker/app";
import { TOKENABLE_TYPE } from "../../worker/features/tokens/authenticate-token";
import {
  FAKE_GOOGLE_CLIENT_ID,
  FAKE_GOOGLE_CLIENT_SECRET,
  type FakeGoogleCode,
  fakeGoogleControl,
} from "../fakes/fake-google-client";
import { client, DEFAULT_PASSWORD, errorOf, latestMail, ORIGIN, signUp, tokenIn, uniqueEmail } from "../helpers/api";

const fakeGoogleUrl = inject("fakeGoogleUrl");
const google = fakeGoogleControl(fakeGoogleUrl);
const db = () => connectD1(env.DB);
const CALLBACK = `${ORIGIN}/api/v1/auth/google/callback`;

type SetCookie = { name: string; value: string; attributes: string[] };

function setCookies(res: Response): SetCookie[] {
  return res.headers.getAll("Set-Cookie").map((header: string) => {
    const [pair = "", ...attributes] = header.split(";").map((part) => part.trim());
    const eq = pair.indexOf("=");
    return { name: pair.slice(0, eq), value: pair.slice(eq + 1), attributes };
  });
}

/** The cookies a response left set, as the browser would send them back. */
const cookieHeader = (res: Response) =>
  setCookies(res)
    .filter((c) => c.value !== "")
    .map((c) => `${c.name}=${c.value}`)
    .join("; ");

const sessionOf = (res: Response) => setCookies(res).find((c) => /^(__Host-)?mewayz_session$/.test(c.name) && c.value);

const newSub = () => `${Date.now()}${Math.floor(Math.random() * 1e9)}`;

/** The claims of a person Google has verified, with a fresh email and sub unless told otherwise. */
const person = (overrides: Record<string, unknown> = {}) => ({
  sub: newSub(),
  email: uniqueEmail("google"),
  email_verified: true,
  name: "Grace Hopper",
  picture: "https://lh3.googleusercontent.com/a/grace=s96-c",
  ...overrides,
});

async function startGoogleSignIn(query = "", origin = ORIGIN) {
  const res = await SELF.fetch(`${origin}/api/v1/auth/google${query}`, { redirect: "manual" });
  const location = new URL(res.headers.get("Location") ?? "about:blank");
  return {
    res,
    location,
    state: location.searchParams.get("state") ?? "",
    codeChallenge: location.searchParams.get("code_challenge") ?? "",
    cookies: cookieHeader(res),
  };
}

type Started = Awaited<ReturnType<typeof startGoogleSignIn>>;

function callback(params: Record<string, string>, cookies: string) {
  return SELF.fetch(`${CALLBACK}?${new URLSearchParams(params)}`, {
    headers: cookies ? { Cookie: cookies } : {},
    redirect: "manual",
  });
}

/** Google maps a fresh code to these claims (bound to this sign-in's PKCE challenge) and sends the browser back. */
async function returnFromGoogle(
  started: Started,
  claims: Record<string, unknown>,
  options: Pick<FakeGoogleCode, "signing"> = {},
) {
  const code = `4/fake-${crypto.randomUUID()}`;
  await google.registerCode({
    code,
    claims,
    code_challenge: started.codeChallenge,
    redirect_uri: CALLBACK,
    ...options,
  });
  const res = await callback({ code, state: started.state, scope: "email profile openid" }, started.cookies);
  return { res, code };
}

async function signInWithGoogle(claims: Record<string, unknown>, options: Pick<FakeGoogleCode, "signing"> = {}) {
  const started = await startGoogleSignIn();
  return { started, ...(await returnFromGoogle(started, claims, options)) };
}

async function usersWithEmail(email: string) {
  const { users } = db().t;
  return db().q.select().from(users).where(eq(users.email, email.toLowerCase()));
}

async function usersWithGoogleId(sub: string) {
  const { users } = db().t;
  return db().q.select().from(users).where(eq(users.google_id, sub));
}

async function me(res: Response) {
  const session = sessionOf(res);
  const answer = await client(session ? `${session.name}=${session.value}` : null).fetch("/api/v1/auth/me");
  return { status: answer.status, body: (await answer.json()) as { user: Record<string, unknown> } };
}

async function verifiedPasswordAccount() {
  const account = await signUp();
  const token = tokenIn(await latestMail(account.email, /confirm/i));
  const res = await client().fetch("/api/v1/auth/email/verify", { method: "POST", json: { token } });
  expect(res.status).toBe(200);
  return account;
}

const expectRefused = (res: Response, error: string) => {
  expect(res.status).toBe(302);
  expect(res.headers.get("Location")).toBe(`/app/login?error=${error}`);
  expect(sessionOf(res)).toBeUndefined();
};

describe("GET /api/v1/auth/google", () => {
  it("sends the browser to Google with state, PKCE and the callback address, and remembers them in cookies", async () => {
    const { res, location, state, codeChallenge } = await startGoogleSignIn();
    expect(res.status).toBe(302);
    expect(`${location.origin}${location.pathname}`).toBe(`${fakeGoogleUrl}/auth`);
    const q = location.searchParams;
    expect(q.get("response_type")).toBe("code");
    expect(q.get("client_id")).toBe(FAKE_GOOGLE_CLIENT_ID);
    expect(q.get("redirect_uri")).toBe(CALLBACK);
    expect(q.get("scope")).toBe("openid email profile");
    expect(q.get("code_challenge_method")).toBe("S256");
    expect(codeChallenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(state.length).toBeGreaterThanOrEqual(32);

    const cookies = setCookies(res);
    const stateCookie = cookies.find((c) => c.name === "mewayz_google_state");
    const verifierCookie = cookies.find((c) => c.name === "mewayz_google_verifier");
    expect(stateCookie?.value).toBe(state);
    expect(verifierCookie?.value).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    for (const cookie of [stateCookie, verifierCookie]) {
      expect(cookie?.attributes).toEqual(expect.arrayContaining(["Max-Age=600", "Path=/", "HttpOnly", "SameSite=Lax"]));
      // Plain-HTTP localhost: a Secure cookie would be dropped by the browser.
      expect(cookie?.attributes).not.toContain("Secure");
    }
  });

  it("uses Secure __Host- cookies and the request's own origin away from localhost", async () => {
    const { location, res } = await startGoogleSignIn("", "https://mewayz.example");
    expect(location.searchParams.get("redirect_uri")).toBe("https://mewayz.example/api/v1/auth/google/callback");
    const names = setCookies(res)
      .filter((c) => c.value)
      .map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(["__Host-mewayz_google_state", "__Host-mewayz_google_verifier"]));
    for (const cookie of setCookies(res).filter((c) => c.value)) expect(cookie.attributes).toContain("Secure");
  });

  it("answers 404 JSON when Google sign-in is not configured", async () => {
    const res = await app.request("http://localhost/api/v1/auth/google", {}, { ...env, GOOGLE_CLIENT_ID: undefined });
    expect(res.status).toBe(404);
    expect(await errorOf(res)).toMatchObject({ code: "not_found", message: "Google sign-in is not configured." });
  });
});

describe("GET /api/v1/auth/google/callback", () => {
  it("creates a verified account for a new Google user, signs them in and lands in the app", async () => {
    const claims = person({ email: `Grace.Hopper-${newSub()}@Example.com` });
    const { res, code, started } = await signInWithGoogle(claims);
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/app/");

    const { status, body } = await me(res);
    expect(status).toBe(200);
    expect(body.user).toMatchObject({
      email: claims.email.toLowerCase(),
      name: "Grace Hopper",
      avatar: claims.picture,
      has_password: false,
      google_connected: true,
      status: "active",
    });
    expect(body.user.email_verified_at).toEqual(expect.any(String));
    const [row, ...others] = await usersWithGoogleId(claims.sub);
    expect(others).toHaveLength(0);
    expect(row?.id).toBe(body.user.id);

    // The OAuth cookies are single-use: every one of them is cleared on the way back.
    for (const name of ["mewayz_google_state", "mewayz_google_verifier", "mewayz_google_return_to"]) {
      expect(setCookies(res).find((c) => c.name === name)).toMatchObject({ value: "" });
      expect(setCookies(res).find((c) => c.name === name)?.attributes).toContain("Max-Age=0");
    }

    // Google was asked exactly once, by our client, with the verifier the browser kept.
    const verifier = started.cookies.match(/mewayz_google_verifier=([^;]+)/)?.[1];
    const requests = await google.requests({ path: "/token", code });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      method: "POST",
      status: 200,
      authorization: `Basic ${btoa(`${FAKE_GOOGLE_CLIENT_ID}:${FAKE_GOOGLE_CLIENT_SECRET}`)}`,
      form: { grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: CALLBACK },
    });
    expect(requests[0]?.content_type).toMatch(/^application\/x-www-form-urlencoded/);
  });

  it("signs the same Google account into the same user again, without a duplicate or a refetch of Google's keys", async () => {
    const claims = person();
    const first = await signInWithGoogle(claims);
    const certsBefore = (await google.requests({ path: "/certs" })).length;
    const second = await signInWithGoogle({ ...claims, name: "Rear Admiral Hopper" });
    expect(second.res.headers.get("Location")).toBe("/app/");
    const [a, b] = [await me(first.res), await me(second.res)];
    expect(b.status).toBe(200);
    expect(b.body.user.id).toBe(a.body.user.id);
    expect(await usersWithGoogleId(claims.sub)).toHaveLength(1);
    expect(await usersWithEmail(claims.email)).toHaveLength(1);
    // The JWKS is cached for its max-age.
    expect(await google.requests({ path: "/certs" })).toHaveLength(certsBefore);
  });

  it("links Google to an existing account with the same, confirmed email", async () => {
    const account = await verifiedPasswordAccount();
    const claims = person({ email: account.email.toUpperCase() });
    const { res } = await signInWithGoogle(claims);
    expect(res.headers.get("Location")).toBe("/app/");
    const { body } = await me(res);
    expect(body.user).toMatchObject({ id: account.user.id, google_connected: true, has_password: true });
    const rows = await usersWithEmail(account.email);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.google_id).toBe(claims.sub);
    // The password still works: the account's owner had proven the address already.
    const login = await client().fetch("/api/v1/auth/login", {
      method: "POST",
      json: { email: account.email, password: DEFAULT_PASSWORD },
    });
    expect(login.status).toBe(200);
  });

  it("takes back an unconfirmed account from whoever made it: password, sessions and tokens go", async () => {
    // Someone signed up with this address but never proved it was theirs.
    const squatter = await signUp();
    expect((await squatter.client.fetch("/api/v1/auth/me")).status).toBe(200);
    const { personalAccessTokens: tokens } = db().t;
    await db().atomic((q) => [
      q.insert(tokens).values({
        tokenable_type: TOKENABLE_TYPE,
        tokenable_id: squatter.user.id,
        name: "squatter's script",
        token: "f".repeat(64),
        abilities: '["*"]',
      }),
    ]);
    const { res } = await signInWithGoogle(person({ email: squatter.email }));
    expect(res.headers.get("Location")).toBe("/app/");
    const { body } = await me(res);
    expect(body.user).toMatchObject({ id: squatter.user.id, google_connected: true, has_password: false });
    expect(body.user.email_verified_at).toEqual(expect.any(String));
    expect((await squatter.client.fetch("/api/v1/auth/me")).status).toBe(401);
    expect(await db().q.select().from(tokens).where(eq(tokens.tokenable_id, squatter.user.id))).toHaveLength(0);
    const login = await client().fetch("/api/v1/auth/login", {
      method: "POST",
      json: { email: squatter.email, password: DEFAULT_PASSWORD },
    });
    expect(login.status).toBe(401);
  });

  it("refuses to link when Google has not verified the email, and changes nothing", async () => {
    const account = await verifiedPasswordAccount();
    const { res } = await signInWithGoogle(person({ email: account.email, email_verified: false }));
    expectRefused(res, "google_email_unverified");
    const rows = await usersWithEmail(account.email);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.google_id).toBeNull();
  });

  it("refuses a new account for an email Google has not verified", async () => {
    const claims = person({ email_verified: false });
    const { res } = await signInWithGoogle(claims);
    expectRefused(res, "google_email_unverified");
    expect(await usersWithEmail(claims.email)).toHaveLength(0);
  });

  it("refuses when the email belongs to an account linked to another Google account", async () => {
    const claims = person();
    await signInWithGoogle(claims);
    const { res } = await signInWithGoogle(person({ email: claims.email }));
    expectRefused(res, "google_conflict");
    expect((await usersWithEmail(claims.email))[0]?.google_id).toBe(claims.sub);
  });

  it("refuses a callback whose state is not the one this browser was given", async () => {
    const started = await startGoogleSignIn();
    const claims = person();
    const code = `4/fake-${crypto.randomUUID()}`;
    await google.registerCode({ code, claims, code_challenge: started.codeChallenge });
    const res = await callback({ code, state: "forged-state-forged-state-forged" }, started.cookies);
    expectRefused(res, "google_state");
    expect(await usersWithEmail(claims.email)).toHaveLength(0);
    // The code was never redeemed.
    expect(await google.requests({ path: "/token", code })).toHaveLength(0);
  });

  it("refuses a callback without the state cookie, as from another browser", async () => {
    const started = await startGoogleSignIn();
    const res = await callback({ code: "4/anything", state: started.state }, "");
    expectRefused(res, "google_state");
  });

  it("sends the person back when the callback has no code, or they said no to Google", async () => {
    const started = await startGoogleSignIn();
    expectRefused(await callback({ state: started.state }, started.cookies), "google_failed");
    const again = await startGoogleSignIn();
    expectRefused(await callback({ state: again.state, error: "access_denied" }, again.cookies), "google_cancelled");
  });

  it("sends the person back when Google refuses the code", async () => {
    const started = await startGoogleSignIn();
    const code = `4/never-issued-${crypto.randomUUID()}`;
    const res = await callback({ code, state: started.state }, started.cookies);
    expectRefused(res, "google_failed");
    const requests = await google.requests({ path: "/token", code });
    expect(requests.map((r) => r.status)).toEqual([400]);
  });

  it.each([
    ["signed with a key Google never published", {}, { signing: "foreign" as const }],
    ["meant for another app", { aud: "someone-else.apps.googleusercontent.com", azp: "someone-else" }, {}],
    ["expired", { exp: Math.floor(Date.now() / 1000) - 60 }, {}],
    ["from another issuer", { iss: "https://accounts.example.com" }, {}],
  ])("refuses an ID token %s", async (_, overrides, options) => {
    const claims = person(overrides);
    const { res } = await signInWithGoogle(claims, options);
    expectRefused(res, "google_failed");
    expect(await usersWithEmail(claims.email as string)).toHaveLength(0);
  });

  it("refuses a suspended account, linked or not", async () => {
    const claims = person();
    await signInWithGoogle(claims);
    const { users } = db().t;
    await db().atomic((q) => [q.update(users).set({ status: "suspended" }).where(eq(users.google_id, claims.sub))]);
    expectRefused((await signInWithGoogle(claims)).res, "account_disabled");

    const account = await verifiedPasswordAccount();
    await db().atomic((q) => [q.update(users).set({ status: "inactive" }).where(eq(users.id, account.user.id))]);
    expectRefused((await signInWithGoogle(person({ email: account.email }))).res, "account_disabled");
    expect((await usersWithEmail(account.email))[0]?.google_id).toBeNull();
  });

  it("lands on the app page the sign-in started from", async () => {
    const started = await startGoogleSignIn(`?redirect=${encodeURIComponent("/app/settings?tab=profile")}`);
    const { res } = await returnFromGoogle(started, person());
    expect(res.headers.get("Location")).toBe("/app/settings?tab=profile");
  });

  it.each([
    "https://evil.example/app/",
    "//evil.example/app/",
    "/\\evil.example/app",
    "/\t/evil.example/app",
    "/app/../api/v1/auth/me",
    "/application",
    "/api/v1/auth/me",
  ])("ignores a redirect to %s", async (target) => {
    const started = await startGoogleSignIn(`?redirect=${encodeURIComponent(target)}`);
    expect(started.cookies).not.toContain("mewayz_google_return_to");
    const { res } = await returnFromGoogle(started, person());
    expect(res.headers.get("Location")).toBe("/app/");
  });
});
