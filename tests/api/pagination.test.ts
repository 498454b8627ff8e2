import { describe, expect, it } from "vitest";
import { AppError } from "../../worker/lib/errors";
import { decodeCursor, encodeCursor, paginationQuery, toPage } from "../../worker/lib/pagination";

describe("cursor pagination", () => {
  it("round-trips a sort key through an opaque, URL-safe cursor", () => {
    const key = ["Zoë Ölund", 42, null, "0190a1b2-…"];
    const cursor = encodeCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(key);
  });

  it.each(["not base64!", encodeCursor([]).slice(0, 1), btoa('{"a":1}'), btoa("[{}]")])(
    "refuses a cursor it did not give out: %s",
    (cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(AppError);
    },
  );

  it("gives a next cursor only when a further row exists", () => {
    const rows = [{ id: "a" }, { id: "b" }, { id: "c" }];
    const first = toPage(
      rows,
      2,
      (r) => [r.id],
      (r) => r.id,
    );
    expect(first).toEqual({ data: ["a", "b"], next_cursor: encodeCursor(["b"]) });
    expect(
      toPage(
        rows,
        3,
        (r) => [r.id],
        (r) => r.id,
      ),
    ).toEqual({ data: ["a", "b", "c"], next_cursor: null });
  });

  it("bounds the page size", () => {
    expect(paginationQuery.parse({})).toEqual({ limit: 50 });
    expect(paginationQuery.parse({ limit: "100" }).limit).toBe(100);
    expect(paginationQuery.safeParse({ limit: "0" }).success).toBe(false);
    expect(paginationQuery.safeParse({ limit: "101" }).success).toBe(false);
    expect(paginationQuery.safeParse({ limit: "ten" }).success).toBe(false);
  });
});
