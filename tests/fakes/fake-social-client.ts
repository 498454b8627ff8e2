// The contract of the local fake social networks (tests/fakes/fake-social.ts) — X,
// LinkedIn and Meta's Graph API (Instagram, Facebook Pages) — and a small client for
// its control API. Only `fetch` is used here, so tests inside workerd can import it.

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the fake networks, e.g. http://127.0.0.1:41235. */
    fakeSocialUrl: string;
  }
}

export const FAKE_SOCIAL = {
  x: { id: "fake-x-client", secret: "fake-x-secret" },
  linkedin: { id: "fake-linkedin-client", secret: "fake-linkedin-secret" },
  meta: { id: "fake-meta-app", secret: "fake-meta-secret" },
  tiktok: { id: "fake-tiktok-key", secret: "fake-tiktok-secret" },
  youtube: { id: "", secret: "" },
};

/** The worker bindings that point every network at the fake. */
export const fakeSocialBindings = (baseUrl: string) => ({
  SOCIAL_X_CLIENT_ID: FAKE_SOCIAL.x.id,
  SOCIAL_X_CLIENT_SECRET: FAKE_SOCIAL.x.secret,
  SOCIAL_X_API_URL: `${baseUrl}/x`,
  SOCIAL_X_AUTH_URL: `${baseUrl}/x/i/oauth2/authorize`,
  SOCIAL_LINKEDIN_CLIENT_ID: FAKE_SOCIAL.linkedin.id,
  SOCIAL_LINKEDIN_CLIENT_SECRET: FAKE_SOCIAL.linkedin.secret,
  SOCIAL_LINKEDIN_API_URL: `${baseUrl}/linkedin`,
  SOCIAL_LINKEDIN_OAUTH_URL: `${baseUrl}/linkedin/oauth/v2`,
  SOCIAL_META_APP_ID: FAKE_SOCIAL.meta.id,
  SOCIAL_META_APP_SECRET: FAKE_SOCIAL.meta.secret,
  SOCIAL_META_GRAPH_URL: `${baseUrl}/meta`,
  SOCIAL_META_DIALOG_URL: `${baseUrl}/meta/dialog/oauth`,
  SOCIAL_TIKTOK_CLIENT_KEY: FAKE_SOCIAL.tiktok.id,
  SOCIAL_TIKTOK_CLIENT_SECRET: FAKE_SOCIAL.tiktok.secret,
  SOCIAL_TIKTOK_API_URL: `${baseUrl}/tiktok`,
  SOCIAL_TIKTOK_AUTH_URL: `${baseUrl}/tiktok/v2/auth/authorize/`,
  // YouTube signs in through Google (the fake Google's GOOGLE_* endpoints); its API is here.
  SOCIAL_YOUTUBE_API_URL: `${baseUrl}/youtube`,
  SOCIAL_YOUTUBE_UPLOAD_URL: `${baseUrl}/youtube/upload`,
  // Short, so "no answer after sending" tests do not wait fifteen seconds.
  SOCIAL_HTTP_TIMEOUT_MS: "1500",
});

export type FakePlatform = "x" | "linkedin" | "meta" | "tiktok" | "youtube";

/**
 * A failure the fake answers the next `times` matching requests of one user with:
 * - rate_limit: 429 (X, LinkedIn) or a Graph rate-limit error (Meta: `code` 4, 17, 32 or 613, default 4;
 *   X-App-Usage for 4/17, and X-Business-Use-Case-Usage with the minutes to regain access when
 *   `reset_seconds` is given), nothing created;
 * - expired_token: 401 / Graph code 190, nothing created;
 * - bad_request: 400 with `reason`, nothing created;
 * - server_error_after_accept: the post is created, then 503;
 * - timeout_after_accept: the post is created, the answer never comes;
 * - drop_after_accept: the post is created, then the connection is cut;
 * - hold: answers normally after `delay_ms`;
 * - in_progress: (Instagram container status) IN_PROGRESS instead of FINISHED; (TikTok status) still processing;
 * TikTok's status check takes rate_limit (429 rate_limit_exceeded), in_progress and bad_request (FAILED with `reason`).
 */
export type FakeFailure = {
  platform: FakePlatform;
  /** The user the failure is for (the name their code was issued to). */
  user: string;
  /** A path fragment the request's path must contain, e.g. "/2/tweets" or "/media_publish". */
  path: string;
  mode:
    | "rate_limit"
    | "expired_token"
    | "bad_request"
    | "server_error_after_accept"
    | "timeout_after_accept"
    | "drop_after_accept"
    | "hold"
    | "in_progress";
  times?: number;
  reset_seconds?: number;
  /** Meta only: the Graph error code of a rate_limit failure. */
  code?: number;
  reason?: string;
  delay_ms?: number;
};

export type FakePublished = { platform: FakePlatform; user: string; id: string; text: string; media: string[] };
export type FakeRequest = { platform: FakePlatform; user: string | null; method: string; path: string; status: number };

export function fakeSocialControl(baseUrl: string) {
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${baseUrl}/__control/${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`fake social refused ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  return {
    fail: (failure: FakeFailure) => post("fail", failure),
    /** Makes every access token of the user expire now (refresh tokens stay good). */
    expireTokens: (platform: FakePlatform, user: string) => post("expire", { platform, user }),
    /** Revokes the user's refresh tokens (the person removed the app). */
    revoke: (platform: FakePlatform, user: string) => post("revoke", { platform, user }),
    /** How many Facebook Pages (each with a linked Instagram account) the Meta user manages. */
    managePages: (user: string, count: number) => post("pages", { platform: "meta", user, count }),
    /** The `expires_in` (any JSON value) every token answer to the user carries. */
    tokenLifetime: (user: string, expiresIn: unknown) => post("token-lifetime", { user, expires_in: expiresIn }),
    /** Milliseconds every token request of the user takes, to widen races. */
    slowTokens: (platform: FakePlatform, user: string, delay_ms: number) =>
      post("slow-tokens", { platform, user, delay_ms }),
    async published(platform: FakePlatform, user: string): Promise<FakePublished[]> {
      const res = await fetch(`${baseUrl}/__control/published?${new URLSearchParams({ platform, user })}`);
      return ((await res.json()) as { data: FakePublished[] }).data;
    },
    async requests(platform: FakePlatform, user: string): Promise<FakeRequest[]> {
      const res = await fetch(`${baseUrl}/__control/requests?${new URLSearchParams({ platform, user })}`);
      return ((await res.json()) as { data: FakeRequest[] }).data;
    },
  };
}
