// npm run bench:password — CPU time of one password hash at the stored parameters,
// beside the cheapest possible credential check (one SHA-256, how API tokens are
// checked) measured in the same run. Workers bills CPU time, not wall time: this
// figure says which plan sign-ups and sign-ins need (see README).
import { createHash } from "node:crypto";
import { cpuUsage } from "node:process";
import { hashPassword, verifyPassword } from "../worker/features/auth/password";

const RUNS = Number(process.env.RUNS ?? 20);

async function measure(label: string, fn: () => Promise<unknown> | unknown) {
  await fn(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = cpuUsage();
    await fn();
    const used = cpuUsage(start);
    samples.push((used.user + used.system) / 1000);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  const row = { label, p50_ms: at(0.5), p95_ms: at(0.95), max_ms: at(1) };
  console.log(
    `${label.padEnd(34)} p50 ${row.p50_ms.toFixed(2).padStart(8)} ms   p95 ${row.p95_ms.toFixed(2).padStart(8)} ms`,
  );
  return row;
}

const stored = await hashPassword("bench-password-123");
const baseline = await measure("baseline: sha256 of a token", () =>
  createHash("sha256").update("1|mwz_0123456789abcdefghijklmnopqrstuvwxyz").digest("hex"),
);
const hash = await measure("scrypt N=2^14 r=8 p=5: hash", () => hashPassword("bench-password-123"));
const verify = await measure("scrypt N=2^14 r=8 p=5: verify", () => verifyPassword("bench-password-123", stored));
console.log(`\nverify costs ${(verify.p50_ms / Math.max(baseline.p50_ms, 0.001)).toFixed(0)}× the baseline.`);
const plan = hash.p95_ms <= 10 ? "the Workers Free plan (10 ms CPU)" : "the Workers Paid plan (30 s CPU by default)";
console.log(`One sign-in needs about ${verify.p50_ms.toFixed(0)} ms of CPU: ${plan}.`);
