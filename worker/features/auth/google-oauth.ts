// Google's OAuth 2.0 endpoints and client, read from the environment. Every endpoint
// can be overridden so tests (and staging) can point sign-in at a local fake Google.
import { CodeChallengeMethod, OAuth2Client } from "arctic";
import type { Env } from "../../lib/env";

export const GOOGLE_SCOPES = ["openid", "email", "profile"];

export type GoogleConfig = {
  clientId: string;
  clientSecret: string;
  authUrl: string;
  tokenUrl: string;
  jwksUrl: string;
};

/** Null until both the client id and secret are set: a web client cannot redeem a code without its secret. */
export function googleConfig(env: Env): GoogleConfig | null {
  if (!env.GOOGLE_CLIENT_ID || !env.GOOGLE_CLIENT_SECRET) return null;
  return {
    clientId: env.GOOGLE_CLIENT_ID,
    clientSecret: env.GOOGLE_CLIENT_SECRET,
    authUrl: env.GOOGLE_AUTH_URL || "https://accounts.google.com/o/oauth2/v2/auth",
    tokenUrl: env.GOOGLE_TOKEN_URL || "https://oauth2.googleapis.com/token",
    jwksUrl: env.GOOGLE_JWKS_URL || "https://www.googleapis.com/oauth2/v3/certs",
  };
}

const clientFor = (config: GoogleConfig, redirectUri: string) =>
  new OAuth2Client(config.clientId, config.clientSecret, redirectUri);

/** Where to send the browser: Google's consent screen, bound to this state and PKCE verifier. */
export function googleAuthorizationUrl(config: GoogleConfig, redirectUri: string, state: string, codeVerifier: string) {
  return clientFor(config, redirectUri).createAuthorizationURLWithPKCE(
    config.authUrl,
    state,
    CodeChallengeMethod.S256,
    codeVerifier,
    GOOGLE_SCOPES,
  );
}

/** Redeems the code Google sent back and hands over the (not yet verified) ID token. */
export async function exchangeGoogleCode(
  config: GoogleConfig,
  redirectUri: string,
  code: string,
  codeVerifier: string,
): Promise<string> {
  const tokens = await clientFor(config, redirectUri).validateAuthorizationCode(config.tokenUrl, code, codeVerifier);
  return tokens.idToken();
}
