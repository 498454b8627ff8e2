import { describe, expect, it } from "vitest";
import { crc32b } from "../../worker/features/tokens/crc32b";
import { generateTokenString } from "../../worker/features/tokens/generate-token-string";

describe("token strings", () => {
  it("computes CRC32 as PHP's hash('crc32b') does", () => {
    expect(crc32b("The quick brown fox jumps over the lazy dog")).toBe("414fa339");
    expect(crc32b("")).toBe("00000000");
    // The Sanctum fixture's checksum, taken from Node's zlib.crc32.
    expect(crc32b("xKq3Vb7TnR2mW9pLs4HdYc8FjQ1gZa6EuN5oBk0J")).toBe("e9a4a5a5");
  });

  it("is mwz_, 40 base62 characters, then their checksum", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const token = generateTokenString();
      const match = /^mwz_([A-Za-z0-9]{40})([0-9a-f]{8})$/.exec(token);
      expect(match, token).not.toBeNull();
      expect(match![2]).toBe(crc32b(match![1]!));
      seen.add(token);
    }
    expect(seen.size).toBe(50);
  });
});
