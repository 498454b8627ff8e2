// New ids are RFC 9562 version 7: time first, so they sort by creation, even when
// thousands are made in one millisecond (a CSV import chunk makes ten thousand).
import { describe, expect, it } from "vitest";
import { uuidv7, uuidv7Time } from "../../db/uuidv7";

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("uuidv7", () => {
  it("is a version 7, variant 10 UUID that carries its time", () => {
    const at = Date.UTC(2026, 11, 6, 9, 30, 15, 123);
    const id = uuidv7(at + 10_000_000);
    expect(id).toMatch(V7);
    expect(uuidv7Time(id).getTime()).toBe(at + 10_000_000);
  });

  it("keeps ids made in the same millisecond in order, all different", () => {
    const now = Date.now() + 20_000_000;
    const ids = Array.from({ length: 10_000 }, () => uuidv7(now));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(V7);
  });

  it("draws fresh randomness for every id", () => {
    const now = Date.now() + 30_000_000;
    const tails = new Set(Array.from({ length: 5_000 }, () => uuidv7(now).slice(19)));
    // 62 random bits a tail: any repeat means bytes were reused.
    expect(tails.size).toBe(5_000);
  });
});
