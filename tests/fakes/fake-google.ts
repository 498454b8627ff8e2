// A local stand-in for Google's OAuth 2.0 / OpenID Connect endpoints, as a real HTTP
// server so the worker under test talks to it over the network exactly as it would to
// Google: POST /token redeems codes the test registered beforehand and answers with an
// RS256-signed ID token; GET /certs publishes the verification key as a JWKS. Every
// request is recorded, and /__control lets tests (running inside workerd) steer it.
import { createHash, generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { FAKE_GOOGLE_ISSUER, type FakeGoogleCode, type FakeGoogleRequest } from "./fake-google-client";

export type FakeGoogle = { url: string; close(): Promise<void> };

const KID = "fake-google-key-1";

const base64Url = (data: Buffer | string) => Buffer.from(data).toString("base64url");

function signJwt(claims: Record<string, unknown>, key: KeyObject): string {
  const input = `${base64Url(JSON.stringify({ alg: "RS256", kid: KID, typ: "JWT" }))}.${base64Url(JSON.stringify(claims))}`;
  // RSA keys sign with RSASSA-PKCS1-v1_5 unless told otherwise: that is RS256.
  return `${input}.${base64Url(sign("sha256", Buffer.from(input), key))}`;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store", ...headers });
  res.end(JSON.stringify(body));
}

/** RFC 6749 2.3.1: HTTP Basic (what Arctic sends when there is a secret) or the form body. */
function clientCredentials(authorization: string | null, form: Record<string, string>) {
  const basic = /^Basic\s+(\S+)$/i.exec(authorization ?? "")?.[1];
  if (basic) {
    const decoded = Buffer.from(basic, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    return {
      id: decodeURIComponent(decoded.slice(0, colon)),
      secret: decodeURIComponent(decoded.slice(colon + 1)),
    };
  }
  return { id: form.client_id, secret: form.client_secret };
}

export async function startFakeGoogle(options: { clientId: string; clientSecret: string }): Promise<FakeGoogle> {
  const google = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const foreign = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwks = { keys: [{ ...google.publicKey.export({ format: "jwk" }), kid: KID, alg: "RS256", use: "sig" }] };
  const codes = new Map<string, FakeGoogleCode>();
  const requests: FakeGoogleRequest[] = [];

  function token(authorization: string | null, contentType: string | null, form: Record<string, string>) {
    const error = (status: number, code: string, description: string) => ({
      status,
      body: { error: code, error_description: description },
    });
    if (!/^application\/x-www-form-urlencoded\b/i.test(contentType ?? "")) {
      return error(400, "invalid_request", "Send the token request as a form.");
    }
    const client = clientCredentials(authorization, form);
    if (client.id !== options.clientId || client.secret !== options.clientSecret) {
      return error(401, "invalid_client", "Unknown client or wrong secret.");
    }
    if (form.grant_type !== "authorization_code") return error(400, "unsupported_grant_type", String(form.grant_type));
    const issued = form.code ? codes.get(form.code) : undefined;
    if (!issued) return error(400, "invalid_grant", "Unknown, expired or already used code.");
    // Codes are single-use, whatever the outcome, as at Google.
    codes.delete(issued.code);
    if (!form.redirect_uri || (issued.redirect_uri && form.redirect_uri !== issued.redirect_uri)) {
      return error(400, "redirect_uri_mismatch", String(form.redirect_uri));
    }
    if (!form.code_verifier) return error(400, "invalid_grant", "Missing code verifier.");
    if (issued.code_challenge) {
      const challenge = createHash("sha256").update(form.code_verifier).digest("base64url");
      if (challenge !== issued.code_challenge) return error(400, "invalid_grant", "Code verifier does not match.");
    }
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      iss: FAKE_GOOGLE_ISSUER,
      aud: options.clientId,
      azp: options.clientId,
      iat: now,
      exp: now + 3600,
      ...issued.claims,
    };
    const key = issued.signing === "foreign" ? foreign.privateKey : google.privateKey;
    return {
      status: 200,
      body: {
        access_token: `ya29.fake-${issued.code}`,
        id_token: signJwt(claims, key),
        expires_in: 3599,
        token_type: "Bearer",
        scope: "openid https://www.googleapis.com/auth/userinfo.email https://www.googleapis.com/auth/userinfo.profile",
      },
    };
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://fake-google");
    const method = req.method ?? "GET";
    const text = method === "POST" ? await readBody(req) : "";

    if (url.pathname === "/__control/codes" && method === "POST") {
      const code = JSON.parse(text) as FakeGoogleCode;
      if (!code.code || typeof code.claims !== "object") return send(res, 400, { error: "code and claims required" });
      codes.set(code.code, code);
      return send(res, 201, { ok: true });
    }
    if (url.pathname === "/__control/requests" && method === "GET") {
      const path = url.searchParams.get("path");
      const code = url.searchParams.get("code");
      const data = requests.filter((r) => (!path || r.path === path) && (!code || r.form.code === code));
      return send(res, 200, { data });
    }

    const authorization = req.headers.authorization ?? null;
    const contentType = req.headers["content-type"] ?? null;
    const form = Object.fromEntries(new URLSearchParams(text));
    let status: number;
    if (url.pathname === "/token") {
      const answer =
        method === "POST"
          ? token(authorization, contentType, form)
          : { status: 405, body: { error: "invalid_request", error_description: "Use POST." } };
      status = answer.status;
      send(res, answer.status, answer.body);
    } else if (url.pathname === "/certs" && method === "GET") {
      status = 200;
      send(res, 200, jwks, { "Cache-Control": "public, max-age=3600, must-revalidate, no-transform" });
    } else {
      status = 404;
      send(res, 404, { error: "not_found" });
    }
    requests.push({ method, path: url.pathname, authorization, content_type: contentType, form, status });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => send(res, 500, { error: "fake_google_crashed", detail: String(err) }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
