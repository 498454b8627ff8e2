// How failures of the network itself are sorted: a refused connection sent nothing
// (retry), silence after sending may have published (unconfirmed).
import { describe, expect, inject, it } from "vitest";
import { PlatformError } from "../../worker/features/social/platforms/platform-error";
import { platformFetch } from "../../worker/features/social/platforms/platform-http";

/** Port 9 (discard): nothing listens there on loopback, so the connection is refused. */
const CLOSED = "http://127.0.0.1:9/2/tweets";

describe("calls to a network", () => {
  // workerd raises the same "Network connection lost" for a refused connection and for one
  // cut after the request was sent, so the irreversible call takes the safe reading.
  it("retries a refused connection on a reversible call; on the irreversible call it cannot tell, so asks a person", async () => {
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
    expect((error as PlatformError).kind).toBe("unknown_outcome");
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
