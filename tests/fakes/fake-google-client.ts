// The contract of the local fake Google (tests/fakes/fake-google.ts) and a small client
// for its control API. Only `fetch` is used here, so worker tests running inside workerd
// can import it; the server itself is Node-only.

// Module augmentation only works on an interface.
declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the fake Google, e.g. http://127.0.0.1:41234 (tests/fakes/start-fakes.ts). */
    fakeGoogleUrl: string;
  }
}

export const FAKE_GOOGLE_CLIENT_ID = "mewayz-test.apps.googleusercontent.com";
export const FAKE_GOOGLE_CLIENT_SECRET = "fake-google-client-secret";
export const FAKE_GOOGLE_ISSUER = "https://accounts.google.com";

/** The fake's endpoints, as the worker's GOOGLE_* bindings name them. */
export const fakeGoogleEndpoints = (baseUrl: string) => ({
  GOOGLE_AUTH_URL: `${baseUrl}/auth`,
  GOOGLE_TOKEN_URL: `${baseUrl}/token`,
  GOOGLE_JWKS_URL: `${baseUrl}/certs`,
});

/** What the next token request with `code` is answered with. */
export type FakeGoogleCode = {
  code: string;
  /** ID token claims, laid over iss, aud, azp, iat and exp (one hour from now). */
  claims: Record<string, unknown>;
  /** When set, the token request's code_verifier must hash (S256) to it. */
  code_challenge?: string;
  /** When set, the token request's redirect_uri must equal it. */
  redirect_uri?: string;
  /** "foreign": signed with a key Google never published, under the published key's kid. */
  signing?: "google" | "foreign";
};

export type FakeGoogleRequest = {
  method: string;
  path: string;
  authorization: string | null;
  content_type: string | null;
  /** The form body of a POST, decoded. */
  form: Record<string, string>;
  status: number;
};

export function fakeGoogleControl(baseUrl: string) {
  return {
    async registerCode(code: FakeGoogleCode): Promise<void> {
      const res = await fetch(`${baseUrl}/__control/codes`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(code),
      });
      if (res.status !== 201) throw new Error(`fake Google refused the code: ${res.status} ${await res.text()}`);
    },

    /** Requests the fake received, oldest first; narrowed to one path and, for /token, one code. */
    async requests(filter: { path?: string; code?: string } = {}): Promise<FakeGoogleRequest[]> {
      const query = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => Boolean(e[1])));
      const res = await fetch(`${baseUrl}/__control/requests?${query}`);
      return ((await res.json()) as { data: FakeGoogleRequest[] }).data;
    },
  };
}
