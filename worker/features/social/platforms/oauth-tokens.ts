// Token requests through Arctic's OAuth 2.0 client (state, PKCE, Basic client
// credentials), with the platform's endpoint passed in so it can be pointed at a
// fake. Arctic's errors are sorted into PlatformError kinds here.
import {
  ArcticFetchError,
  OAuth2Client,
  OAuth2RequestError,
  type OAuth2Tokens,
  UnexpectedErrorResponseBodyError,
  UnexpectedResponseError,
} from "arctic";
import type { PlatformTokens } from "./platform-adapter";
import { PlatformError } from "./platform-error";
import { tokenExpiresAt } from "./token-expires-at";

export const oauthClient = (clientId: string, clientSecret: string | null, redirectUri: string | null) =>
  new OAuth2Client(clientId, clientSecret, redirectUri);

/** Arctic's tokens as we store them; no refresh token in the answer stays null (never an empty string). */
export function fromArctic(tokens: OAuth2Tokens): PlatformTokens {
  const data = tokens.data as Record<string, unknown>;
  const refresh = typeof data.refresh_token === "string" && data.refresh_token ? data.refresh_token : null;
  return {
    access_token: tokens.accessToken(),
    refresh_token: refresh,
    expires_at: tokenExpiresAt(data.expires_in, null),
  };
}

/** Runs a token request, turning Arctic's failures into what the publisher acts on. */
export async function tokenRequest(what: string, run: () => Promise<OAuth2Tokens>): Promise<PlatformTokens> {
  try {
    return fromArctic(await run());
  } catch (err) {
    if (err instanceof OAuth2RequestError) {
      // invalid_grant: the code or refresh token is spent or revoked; only a new connection helps.
      const kind = err.code === "invalid_grant" ? "disconnected" : "rejected";
      throw new PlatformError(kind, `${what}: ${err.code}${err.description ? ` (${err.description})` : ""}`);
    }
    if (err instanceof UnexpectedResponseError || err instanceof UnexpectedErrorResponseBodyError) {
      const status = err.status;
      throw new PlatformError(status === 429 || status >= 500 ? "retryable" : "rejected", `${what}: HTTP ${status}`);
    }
    if (err instanceof ArcticFetchError) throw new PlatformError("retryable", `${what}: ${err.message}`);
    throw err;
  }
}
