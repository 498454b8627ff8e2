import type { Context } from "hono";
import type { AppEnv } from "./env";
import { AppError } from "./errors";

export type RateLimitRule = { key: string; limit: number; windowSeconds: number };

const stubFor = (c: Context<AppEnv>, key: string) => c.env.RATE_LIMITER.get(c.env.RATE_LIMITER.idFromName(key));

/** Counts one attempt against every rule; the first exhausted rule answers 429 with Retry-After. */
export async function enforceRateLimits(c: Context<AppEnv>, rules: RateLimitRule[]): Promise<void> {
  const results = await Promise.all(rules.map((r) => stubFor(c, r.key).hit(r.limit, r.windowSeconds)));
  const blocked = results.filter((r) => !r.allowed);
  if (blocked.length === 0) return;
  const retryAfter = Math.max(...blocked.map((r) => r.retryAfterSeconds));
  throw new AppError(
    "rate_limited",
    `Too many attempts. Try again in ${retryAfter < 120 ? `${retryAfter} seconds` : `${Math.ceil(retryAfter / 60)} minutes`}.`,
    { retry_after: retryAfter },
    { "Retry-After": String(retryAfter) },
  );
}

export async function resetRateLimit(c: Context<AppEnv>, key: string): Promise<void> {
  await stubFor(c, key).reset();
}

export const clientIp = (c: Context<AppEnv>) => c.req.header("CF-Connecting-IP") ?? "local";
