// The secret part of a new token, in Sanctum v4's shape: a prefix, 40 random base62
// characters, and the CRC32 of those 40 — `mwz_<40 chars><8 hex>`.
import { crc32b } from "./crc32b";

export const TOKEN_PREFIX = "mwz_";
const ENTROPY_LENGTH = 40;
const BASE62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

export function generateTokenString(): string {
  let entropy = "";
  while (entropy.length < ENTROPY_LENGTH) {
    for (const byte of crypto.getRandomValues(new Uint8Array(ENTROPY_LENGTH))) {
      // 248 = 4 × 62: bytes above it are dropped so every character is equally likely.
      if (byte < 248 && entropy.length < ENTROPY_LENGTH) entropy += BASE62[byte % 62];
    }
  }
  return `${TOKEN_PREFIX}${entropy}${crc32b(entropy)}`;
}
