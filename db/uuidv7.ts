// Time-ordered UUIDs (RFC 9562 version 7) stored as CHAR(36)/TEXT: an existing
// Mewayz database keeps its ids, and new ids sort by creation time, which lets
// cursor pagination walk the primary key instead of a timestamp.

let lastMs = 0;
let counter = 0;

/**
 * Random bytes drawn 4 KiB at a time: a CSV import makes ten thousand ids a chunk (a
 * contact's search terms each have one), and one draw per id cost more than the rest of
 * the id together.
 */
const pool = new Uint8Array(4096);
let poolAt = pool.length;
function random10(): Uint8Array {
  if (poolAt + 10 > pool.length) {
    crypto.getRandomValues(pool);
    poolAt = 0;
  }
  poolAt += 10;
  return pool.subarray(poolAt - 10, poolAt);
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));
const h = (byte: number) => HEX[byte & 0xff] as string;

export function uuidv7(now: number = Date.now()): string {
  const rand = random10();
  // rand_a as a counter (RFC 9562 §6.2 method 1) keeps ids made in the same millisecond in order.
  if (now <= lastMs) {
    counter++;
    if (counter > 0xfff) {
      lastMs++;
      counter = 0;
    }
  } else {
    lastMs = now;
    counter = (rand[0] ?? 0) & 0x07; // start low so the counter has room to grow
  }
  const ms = lastMs;
  return (
    h(Math.floor(ms / 2 ** 40)) +
    h(Math.floor(ms / 2 ** 32)) +
    h(ms >>> 24) +
    h(ms >>> 16) +
    "-" +
    h(ms >>> 8) +
    h(ms) +
    "-" +
    h(0x70 | ((counter >>> 8) & 0x0f)) +
    h(counter) +
    "-" +
    h(0x80 | ((rand[1] ?? 0) & 0x3f)) +
    h(rand[2] ?? 0) +
    "-" +
    h(rand[3] ?? 0) +
    h(rand[4] ?? 0) +
    h(rand[5] ?? 0) +
    h(rand[6] ?? 0) +
    h(rand[7] ?? 0) +
    h(rand[8] ?? 0)
  );
}

/** The creation time a UUIDv7 carries. */
export function uuidv7Time(id: string): Date {
  return new Date(Number.parseInt(id.replace(/-/g, "").slice(0, 12), 16));
}
