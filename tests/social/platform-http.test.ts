// How failures of the network itself are sorted: a refused connection sent nothing
// (retry), silence or a cut connection after sending may have published (unconfirmed).
import { describe, expect, inject, it } from "vitest";
import { PlatformError } from "../../worker/features/social/platforms/platform-error";
import { platformFetch, refusesConnections } from "../../worker/features/social/platforms/platform-http";
import { fake, fakeUser } from "./social-helpers";

/** Port 9 (discard): nothing listens there on loopback, so the connection is refused. */
const CLOSED = "http://127.0.0.1:9/2/tweets";

describe("calls to a network", () => {
  it("retries a refused connection, on the irreversible call too: nothing could have been sent", async () => {
    const reversible = await platformFetch(CLOSED, {}, { timeoutMs: 2000, irreversible: false, what: "X" }).catch(
      (e) => e,
    );
    expect((reversible as PlatformError).kind).toBe("retryable");
    const error = await platformFetch(
      CLOSED,
      { method: "POST" },
      { timeoutMs: 2000, irreversible: true, what: "X" },
    ).catch((e) => e);
    expect(error).toBeInstanceOf(PlatformError);
    expect((error as PlatformError).kind).toBe("retryable");
    expect((error as PlatformError).message).toMatch(/refused.*nothing was sent/);
  });

  it("tells a closed port from a listening one", async () => {
    expect(await refusesConnections(CLOSED, 2000)).toBe(true);
    expect(await refusesConnections(`${inject("fakeSocialUrl")}/x/2/tweets`, 2000)).toBe(false);
  });

  it("still treats a connection cut after the post was sent as an unknown outcome", async () => {
    const base = inject("fakeSocialUrl");
    const user = fakeUser("cut");
    const token = await fetch(`${base}/x/2/oauth2/token`, {
      method: "POST",
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code: user,
        redirect_uri: "http://x",
        code_verifier: "v",
        client_id: "fake-x-client",
        client_secret: "fake-x-secret",
      }),
    }).then((r) => r.json() as Promise<{ access_token: string }>);
    await fake.fail({ platform: "x", user, path: "/2/tweets", mode: "drop_after_accept" });
    const error = await platformFetch(
      `${base}/x/2/tweets`,
      {
        method: "POST",
        headers: { Authorization: `Bearer ${token.access_token}`, "Content-Type": "application/json" },
        body: JSON.stringify({ text: "Cut off" }),
      },
      { timeoutMs: 2000, irreversible: true, what: "X" },
    ).catch((e) => e);
    expect((error as PlatformError).kind).toBe("unknown_outcome");
    expect(await fake.published("x", user)).toHaveLength(1);
  });

  it("treats a timeout after sending as an unknown outcome, before as retryable", async () => {
    const base = inject("fakeSocialUrl");
    // The fake's token endpoint, slowed to a second for this user: longer than the timeout.
    const slow = `${base}/x/2/oauth2/token`;
    await fetch(`${base}/__control/slow-tokens`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ platform: "x", user: "slowpoke", delay_ms: 1000 }),
    });
    const body = new URLSearchParams({
      grant_type: "authorization_code",
      code: "slowpoke",
      redirect_uri: "http://x",
      code_verifier: "v",
      client_id: "fake-x-client",
      client_secret: "fake-x-secret",
    });
    const irreversible = await platformFetch(
      slow,
      { method: "POST", body },
      { timeoutMs: 100, irreversible: true, what: "X" },
    ).catch((e) => e);
    expect((irreversible as PlatformError).kind).toBe("unknown_outcome");
    const reversible = await platformFetch(
      slow,
      { method: "POST", body },
      { timeoutMs: 100, irreversible: false, what: "X" },
    ).catch((e) => e);
    expect((reversible as PlatformError).kind).toBe("retryable");
  });
});
