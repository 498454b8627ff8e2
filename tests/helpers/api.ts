// A small harness so each worker test reads as a story: a person signs up, gets a
// signed-in client, reads their mail from the dev outbox, and calls the API.
import { SELF } from "cloudflare:test";

export const ORIGIN = "http://localhost";

export type Client = {
  fetch(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
  cookie: string | null;
};

let counter = 0;
export const uniqueEmail = (prefix = "user") => `${prefix}-${Date.now().toString(36)}-${++counter}@example.com`;

/** The value of the session cookie a response set, as a Cookie header would send it. */
export function sessionCookieFrom(res: Response): string | null {
  const setCookies = res.headers.getAll("Set-Cookie");
  const session = setCookies.find((h: string) => /^(__Host-)?mewayz_session=/.test(h));
  if (!session) return null;
  const pair = session.split(";")[0] ?? "";
  return pair.endsWith("=") ? null : pair;
}

/** Requests as the web app sends them: same origin, JSON body, the session cookie if any. */
export function client(cookie: string | null = null): Client {
  const self: Client = {
    cookie,
    async fetch(path, init = {}) {
      const headers = new Headers(init.headers);
      if (!headers.has("Sec-Fetch-Site")) headers.set("Sec-Fetch-Site", "same-origin");
      if (self.cookie && !headers.has("Cookie")) headers.set("Cookie", self.cookie);
      let body = init.body;
      if (init.json !== undefined) {
        headers.set("Content-Type", "application/json");
        body = JSON.stringify(init.json);
      }
      const res = await SELF.fetch(`${ORIGIN}${path}`, { ...init, headers, body, redirect: "manual" });
      const next = sessionCookieFrom(res);
      if (next) self.cookie = next;
      else if (res.headers.getAll("Set-Cookie").some((h: string) => /^(__Host-)?mewayz_session=;/.test(h)))
        self.cookie = null;
      return res;
    },
  };
  return self;
}

export const DEFAULT_PASSWORD = "violet-otter-harbour-42";

/** Signs a new person up through the API and hands back their signed-in client. */
export async function signUp(overrides: { name?: string; email?: string; password?: string } = {}) {
  const email = overrides.email ?? uniqueEmail();
  const password = overrides.password ?? DEFAULT_PASSWORD;
  const c = client();
  const res = await c.fetch("/api/v1/auth/signup", {
    method: "POST",
    // Each person signs up from an address of their own, as they would: the per-IP limit is not under test here.
    headers: { "CF-Connecting-IP": `198.18.${Math.floor(Math.random() * 255)}.${++counter % 255}` },
    json: { name: overrides.name ?? "Ada Lovelace", email, password },
  });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  const { user } = (await res.json()) as { user: { id: string; email: string } };
  return { client: c, user, email, password };
}

type OutboxMail = { to_address: string; subject: string; text: string; html: string };

/** The newest mail to an address, waiting briefly for mail sent after the response. */
export async function latestMail(to: string, subject?: RegExp): Promise<OutboxMail> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const res = await client().fetch(`/api/v1/dev/outbox?to=${encodeURIComponent(to)}`);
    const { data } = (await res.json()) as { data: OutboxMail[] };
    const mail = data.find((m) => !subject || subject.test(m.subject));
    if (mail) return mail;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no mail to ${to}`);
}

/** The token of the first app link in a mail. */
export const tokenIn = (mail: OutboxMail) => {
  const match = /[?&]token=([A-Za-z0-9_-]+)/.exec(mail.text);
  if (!match?.[1]) throw new Error(`no token in: ${mail.text}`);
  return match[1];
};

export const errorOf = async (res: Response) =>
  ((await res.json()) as { error: { code: string; message: string; details: unknown } }).error;
