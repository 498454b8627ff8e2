// One way to call a network: a timeout on every request, and failures sorted into
// PlatformError kinds. `irreversible` marks the call that can publish: after it is
// sent, silence or a 5xx means "it may be out there", never "try again".
import { PlatformError, resetTimeOf } from "./platform-error";

/**
 * Whether the network's host refuses connections right now. workerd's fetch raises the same
 * "Network connection lost" for a refused connection as for one cut after the request was
 * sent, so the irreversible call cannot be sorted afterwards; a bare TCP connection opened
 * first can tell. Only a failed connect counts: a probe that cannot be made or is slow says
 * nothing, and the call goes ahead as before.
 */
export async function refusesConnections(url: string, timeoutMs: number): Promise<boolean> {
  const target = new URL(url);
  const port = Number(target.port) || (target.protocol === "https:" ? 443 : 80);
  // Imported here, not at the top: this module also runs in Node (the MySQL tests), which has no cloudflare:sockets.
  const { connect } = await import("cloudflare:sockets");
  let socket: ReturnType<typeof connect>;
  try {
    socket = connect({ hostname: target.hostname, port });
  } catch {
    return false;
  }
  // Settled either way below; without these a late rejection would be reported as unhandled.
  socket.opened.catch(() => {});
  socket.closed.catch(() => {});
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const slow = new Promise<"slow">((resolve) => {
      timer = setTimeout(() => resolve("slow"), timeoutMs);
    });
    await Promise.race([socket.opened, slow]);
    return false;
  } catch (err) {
    return /cannot connect/i.test(err instanceof Error ? err.message : String(err));
  } finally {
    clearTimeout(timer);
    socket.close().catch(() => {});
  }
}

export type CallOptions = { timeoutMs: number; irreversible: boolean; what: string };

const CONNECT_FAILURE = /refused|ECONNREFUSED|ENOTFOUND|getaddrinfo|DNS/i;

/** fetch with a timeout; a request that never left, or a reversible one, fails as retryable. */
export async function platformFetch(url: string, init: RequestInit, options: CallOptions): Promise<Response> {
  if (options.irreversible && (await refusesConnections(url, options.timeoutMs))) {
    throw new PlatformError(
      "retryable",
      `Could not connect to ${options.what} (connection refused); nothing was sent, so it will be tried again.`,
    );
  }
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(options.timeoutMs) });
  } catch (err) {
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    const timedOut = /timeout|abort/i.test(message);
    // A connection that could not be made sent nothing (in Node; workerd says "Network connection lost").
    if (!timedOut && CONNECT_FAILURE.test(message)) {
      throw new PlatformError("retryable", `Could not reach ${options.what}: ${message}`);
    }
    if (options.irreversible) {
      throw new PlatformError(
        "unknown_outcome",
        `${options.what} did not answer after the post was sent (${timedOut ? "timeout" : message}); it may have been published.`,
      );
    }
    throw new PlatformError("retryable", `${options.what} did not answer: ${message}`);
  }
}

/** The body as JSON, or null when it is not JSON. */
export async function jsonOf(res: Response): Promise<Record<string, unknown> | null> {
  const text = await res.text();
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * The PlatformError for a failed answer. `reason` is the platform's own words; 401 means
 * the token is no longer good; a 5xx on the irreversible call leaves the outcome unknown.
 */
export function errorForStatus(res: Response, reason: string, options: CallOptions): PlatformError {
  const said = `${options.what} answered ${res.status}: ${reason}`;
  if (res.status === 429) return new PlatformError("retryable", said, resetTimeOf(res.headers));
  if (res.status === 401) return new PlatformError("refresh_needed", said);
  if (res.status >= 500) return new PlatformError(options.irreversible ? "unknown_outcome" : "retryable", said);
  return new PlatformError("rejected", reason || said);
}
