// Time-ordered UUIDs (RFC 9562 version 7) stored as CHAR(36)/TEXT: an existing
// Mewayz database keeps its ids, and new ids sort by creation time, which lets
// cursor pagination walk the primary key instead of a timestamp.

let lastMs = 0;
let counter = 0;

export function uuidv7(now: number = Date.now()): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  // rand_a as a counter (RFC 9562 §6.2 method 1) keeps ids made in the same millisecond in order.
  if (now <= lastMs) {
    counter++;
    if (counter > 0xfff) {
      lastMs++;
      counter = 0;
    }
  } else {
    lastMs = now;
    counter = (bytes[6] ?? 0) & 0x07; // start low so the counter has room to grow
  }
  const ms = lastMs;
  bytes[0] = Math.floor(ms / 2 ** 40) & 0xff;
  bytes[1] = Math.floor(ms / 2 ** 32) & 0xff;
  bytes[2] = (ms >>> 24) & 0xff;
  bytes[3] = (ms >>> 16) & 0xff;
  bytes[4] = (ms >>> 8) & 0xff;
  bytes[5] = ms & 0xff;
  bytes[6] = 0x70 | ((counter >>> 8) & 0x0f);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The creation time a UUIDv7 carries. */
export function uuidv7Time(id: string): Date {
  return new Date(Number.parseInt(id.replace(/-/g, "").slice(0, 12), 16));
}
