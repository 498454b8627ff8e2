// /api/v1/auth/google — sign in with Google (authorization code with PKCE, OpenID Connect).
// Both routes are browser navigations, so failures redirect to the SPA's sign-in page
// with an error code (`/app/login?error=…`) instead of answering JSON.
import { createRoute, z } from "@hono/zod-openapi";
import { generateCodeVerifier, generateState } from "arctic";
import type { Context } from "hono";
import { sessionsOf } from "../../lib/auth";
import { constantTimeEqual } from "../../lib/crypto";
import type { AppEnv } from "../../lib/env";
import { AppError } from "../../lib/errors";
import { createRouter } from "../../lib/factory";
import { errorResponses } from "../../lib/openapi";
import { findOrCreateGoogleUser, type GoogleSignInRefusal } from "./google-find-or-create-user";
import { type GoogleIdentity, GoogleIdTokenError, verifyGoogleIdToken } from "./google-id-token";
import { exchangeGoogleCode, googleAuthorizationUrl, googleConfig } from "./google-oauth";
import { googleOAuthCookies, safeReturnPath } from "./google-oauth-cookies";

/** The codes the sign-in page is sent back with when Google sign-in does not end signed in. */
export type GoogleSignInError = GoogleSignInRefusal | "google_state" | "google_cancelled" | "google_failed";

const tags = ["Auth"];
const redirect = (description: string) => ({ 302: { description } });

function configOrThrow(c: Context<AppEnv>) {
  const config = googleConfig(c.env);
  if (!config) throw new AppError("not_found", "Google sign-in is not configured.");
  return config;
}

const callbackUrl = (c: Context<AppEnv>) => `${new URL(c.req.url).origin}/api/v1/auth/google/callback`;
const toLogin = (c: Context<AppEnv>, error: GoogleSignInError) => c.redirect(`/app/login?error=${error}`, 302);

export const googleRoutes = createRouter()
  // GET /api/v1/auth/google — send the browser to Google's consent screen
  .openapi(
    createRoute({
      method: "get",
      path: "/google",
      tags,
      summary: "Sign in with Google",
      description:
        "Redirects to Google. `redirect` is where to land after signing in: a path under /app, anything else is ignored.",
      request: { query: z.object({ redirect: z.string().optional().openapi({ example: "/app/settings" }) }) },
      responses: { ...redirect("To Google's consent screen"), ...errorResponses("not_found") },
    }),
    (c) => {
      const config = configOrThrow(c);
      const state = generateState();
      const verifier = generateCodeVerifier();
      googleOAuthCookies(c).remember({ state, verifier, returnTo: safeReturnPath(c.req.valid("query").redirect) });
      return c.redirect(googleAuthorizationUrl(config, callbackUrl(c), state, verifier).toString(), 302);
    },
  )
  // GET /api/v1/auth/google/callback — Google sends the browser back here with a code
  .openapi(
    createRoute({
      method: "get",
      path: "/google/callback",
      tags,
      summary: "Finish signing in with Google",
      request: {
        query: z.object({ code: z.string().optional(), state: z.string().optional(), error: z.string().optional() }),
      },
      responses: {
        ...redirect("Signed in, to the app; or to /app/login?error=… when sign-in failed"),
        ...errorResponses("not_found"),
      },
    }),
    async (c) => {
      const config = configOrThrow(c);
      const query = c.req.valid("query");
      const oauth = googleOAuthCookies(c);
      const saved = oauth.read();
      oauth.clear();

      // Only the browser that started this sign-in holds the state: anything else is a forged callback.
      if (!query.state || !saved.state || !saved.verifier || !constantTimeEqual(query.state, saved.state)) {
        return toLogin(c, "google_state");
      }
      if (query.error === "access_denied") return toLogin(c, "google_cancelled");
      if (!query.code) return toLogin(c, "google_failed");

      let google: GoogleIdentity;
      try {
        const idToken = await exchangeGoogleCode(config, callbackUrl(c), query.code, saved.verifier);
        google = await verifyGoogleIdToken(idToken, config);
      } catch (err) {
        console.warn(
          JSON.stringify({
            level: "warn",
            msg: "google sign-in failed",
            request_id: c.get("requestId"),
            reason: err instanceof GoogleIdTokenError ? err.reason : "token_exchange",
            error: String(err),
          }),
        );
        return toLogin(c, "google_failed");
      }

      const found = await findOrCreateGoogleUser(c.var.db, google);
      if (!found.ok) return toLogin(c, found.error);
      const { cookie } = await sessionsOf(c).create(found.user.id, {
        ip: c.req.header("CF-Connecting-IP") ?? null,
        userAgent: c.req.header("User-Agent") ?? null,
      });
      c.header("Set-Cookie", cookie, { append: true });
      return c.redirect(saved.returnTo ?? "/app/", 302);
    },
    // A query that does not parse (a repeated parameter) is a failed sign-in, still answered with a redirect.
    (result, c) => {
      if (!result.success) {
        googleOAuthCookies(c).clear();
        return toLogin(c, "google_failed");
      }
    },
  );
