import { describe, expect, it } from "vitest";
import { resetTimeOf } from "../../worker/features/social/platforms/platform-error";
import { checkLimits, composeText, countedLength } from "../../worker/features/social/platforms/platform-limits";
import { retryAt } from "../../worker/features/social/publish-post";
import { localToInstant } from "../../worker/lib/zoned-time";

describe("wall-clock times across daylight saving", () => {
  it("maps ordinary local times to their instant", () => {
    expect(localToInstant({ year: 2026, month: 7, day: 1, hour: 9, minute: 0 }, "Europe/Paris")?.toISOString()).toBe(
      "2026-07-01T07:00:00.000Z",
    );
    expect(localToInstant({ year: 2026, month: 1, day: 15, hour: 9, minute: 0 }, "Europe/Paris")?.toISOString()).toBe(
      "2026-01-15T08:00:00.000Z",
    );
  });

  it("finds no instant for a time the clocks skip", () => {
    expect(localToInstant({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, "Europe/Paris")).toBeNull();
    expect(localToInstant({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, "America/New_York")).toBeNull();
  });

  it("takes the first of a time that happens twice", () => {
    // 01:30 on 2026-11-01 in New York: first in EDT (05:30Z), again in EST (06:30Z).
    expect(
      localToInstant({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, "America/New_York")?.toISOString(),
    ).toBe("2026-11-01T05:30:00.000Z");
  });

  it("works in zones with half-hour offsets and no DST", () => {
    expect(localToInstant({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, "Asia/Kolkata")?.toISOString()).toBe(
      "2026-03-28T21:00:00.000Z",
    );
  });
});

describe("platform limits", () => {
  it("counts links as 23 characters on X only", () => {
    const draft = { content: `see https://example.com/${"a".repeat(100)}`, hashtags: [] };
    expect(countedLength("twitter", draft)).toBe(4 + 23);
    expect(countedLength("linkedin", draft)).toBe(draft.content.length);
  });

  it("appends hashtags not already in the text, and counts them against the limit", () => {
    expect(composeText("Hello #launch", ["launch", "news"])).toBe("Hello #launch\n\n#news");
    const many = Array.from({ length: 31 }, (_, i) => `tag${i}`);
    expect(checkLimits("instagram", { content: "x", hashtags: many, media: [{ url: "https://a/b.jpg" }] })).toEqual([
      expect.objectContaining({ field: "hashtags" }),
    ]);
  });

  it("checks media kinds and counts", () => {
    expect(
      checkLimits("tiktok", { content: "x", hashtags: [], media: [{ url: "https://a/b.jpg" }] })[0]?.message,
    ).toMatch(/does not take images/);
    expect(
      checkLimits("twitter", { content: "x", hashtags: [], media: Array(5).fill({ url: "https://a/b.jpg" }) }),
    ).toHaveLength(1);
    expect(
      checkLimits("youtube", { content: "x", hashtags: [], media: [{ url: "https://a/b.mp4", bytes: 10 }] }),
    ).toEqual([]);
  });
});

describe("retry timing", () => {
  it("honours the platform's reset time over the backoff", () => {
    const now = Date.UTC(2026, 0, 1);
    expect(retryAt(1, null, now).getTime()).toBe(now + 60_000);
    expect(retryAt(3, null, now).getTime()).toBe(now + 4 * 60_000);
    expect(retryAt(1, now + 15 * 60_000, now).getTime()).toBe(now + 15 * 60_000);
  });

  it("reads X's x-rate-limit-reset and Retry-After", () => {
    const now = 1_800_000_000_000;
    expect(resetTimeOf(new Headers({ "x-rate-limit-reset": "1800000900" }), now)).toBe(1_800_000_900_000);
    expect(resetTimeOf(new Headers({ "retry-after": "120" }), now)).toBe(now + 120_000);
    expect(resetTimeOf(new Headers({}), now)).toBeNull();
  });
});
