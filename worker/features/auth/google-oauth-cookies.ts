// What the browser carries to Google and back: the state, the PKCE verifier and where
// to land afterwards, each in a short-lived HttpOnly cookie. SameSite=Lax still sends
// them on Google's top-level redirect back to us; __Host- (wherever cookies are Secure)
// stops a sibling subdomain from planting a state of its own.
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { isSecureRequest } from "../../lib/auth";
import type { AppEnv } from "../../lib/env";

const MAX_AGE_SECONDS = 10 * 60;
const NAMES = {
  state: "mewayz_google_state",
  verifier: "mewayz_google_verifier",
  returnTo: "mewayz_google_return_to",
} as const;

export type GoogleOAuthCookies = { state: string; verifier: string; returnTo: string | null };

/**
 * A same-site path inside the SPA (`/app` or below), normalised; anything else — other
 * hosts, `//evil.example`, `/app/../api`, backslashes — is null.
 */
export function safeReturnPath(raw: string | null | undefined): string | null {
  if (!raw || raw.length > 512 || !raw.startsWith("/")) return null;
  // Parsed as a browser would (a backslash counts as a slash, tabs and newlines vanish),
  // so `/\evil.example` or `/\t/evil.example` land on another origin and are refused.
  const base = "https://return-to.invalid";
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return null;
  }
  if (url.origin !== base) return null;
  if (url.pathname !== "/app" && !url.pathname.startsWith("/app/")) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

export function googleOAuthCookies(c: Context<AppEnv>) {
  const secure = isSecureRequest(c);
  const prefix = secure ? ("host" as const) : undefined;
  const options = { prefix, path: "/", secure, httpOnly: true, sameSite: "Lax" as const };
  return {
    remember(values: GoogleOAuthCookies) {
      setCookie(c, NAMES.state, values.state, { ...options, maxAge: MAX_AGE_SECONDS });
      setCookie(c, NAMES.verifier, values.verifier, { ...options, maxAge: MAX_AGE_SECONDS });
      if (values.returnTo) setCookie(c, NAMES.returnTo, values.returnTo, { ...options, maxAge: MAX_AGE_SECONDS });
      else deleteCookie(c, NAMES.returnTo, options);
    },
    read(): Partial<GoogleOAuthCookies> {
      return {
        state: getCookie(c, NAMES.state, prefix),
        verifier: getCookie(c, NAMES.verifier, prefix),
        returnTo: safeReturnPath(getCookie(c, NAMES.returnTo, prefix)),
      };
    },
    /** The state is single-use: cleared on every way out of the callback. */
    clear() {
      for (const name of Object.values(NAMES)) deleteCookie(c, name, options);
    },
  };
}
