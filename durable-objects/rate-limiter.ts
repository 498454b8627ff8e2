// Exact request counters: one object per limited key (an IP, an account), so every
// hit on that key is counted in one place, in order, with nothing lost to eventual
// consistency. Windows are fixed; the count lives in the object's storage so an
// eviction does not reset it.
import { DurableObject } from "cloudflare:workers";

export type RateLimitResult = { allowed: boolean; remaining: number; retryAfterSeconds: number };

type Window = { startedAt: number; count: number };

export class RateLimiter extends DurableObject {
  async hit(limit: number, windowSeconds: number, now = Date.now()): Promise<RateLimitResult> {
    const windowMs = windowSeconds * 1000;
    let window = (await this.ctx.storage.get<Window>("window")) ?? { startedAt: now, count: 0 };
    if (now - window.startedAt >= windowMs) window = { startedAt: now, count: 0 };
    const retryAfterSeconds = Math.max(1, Math.ceil((window.startedAt + windowMs - now) / 1000));
    if (window.count >= limit) return { allowed: false, remaining: 0, retryAfterSeconds };
    window.count++;
    await this.ctx.storage.put("window", window);
    // Forget the key once its window is over, so idle keys cost no storage.
    await this.ctx.storage.setAlarm(window.startedAt + windowMs);
    return { allowed: true, remaining: limit - window.count, retryAfterSeconds };
  }

  /** Forget the count (after a successful sign-in, failures start over). */
  async reset(): Promise<void> {
    await this.ctx.storage.deleteAll();
  }

  override async alarm(): Promise<void> {
    await this.ctx.storage.deleteAll();
  }
}
