// npm run bench:bio — public bio pages through the real worker under `wrangler dev`:
//
//   floor     GET /livez, a route that returns a constant: what any request costs here
//   cached    GET /{slug} answered from the Cache API (the counter call included: every
//             view is counted, cached or not)
//   uncached  GET /{slug} right after an edit: counter call, cache miss, one indexed
//             read, render, sanitise the custom CSS, cache put — beside, one at a time,
//             the constant route and GET /api/health (one `SELECT 1`): the local D1's own
//             round trip, which a render that reads a row cannot go under
//
// Floor and cached run the same way, one after the other against the same server:
// CONCURRENCY clients sending back to back for SECONDS each, several rounds
// interleaved; requests/s and p50/p99 of the latency each request saw. Uncached is
// measured one request at a time (an untimed PATCH bumps the page before each), since
// every concurrent request after the first would be a cache hit again.
//
// Targets (issue #7): cached throughput ≥ 0.8× the floor, cached p99 ≤ 1.5× the floor's,
// uncached p99 < 20 ms.
import { Agent, request } from "node:http";
import { startWranglerDev } from "../tests/e2e/wrangler-dev";

const SECONDS = Number(process.env.SECONDS ?? 5);
const ROUNDS = Number(process.env.ROUNDS ?? 2);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 16);
const UNCACHED = Number(process.env.UNCACHED ?? 200);

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY * 2 });

/** One GET on a kept-alive connection; resolves with the status once the body is read. */
function get(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });
}

const percentile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

type Figures = { rps: number; p50: number; p99: number; n: number };

function figures(samples: number[], seconds: number): Figures {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    rps: samples.length / seconds,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    n: samples.length,
  };
}

/** CONCURRENCY clients, each sending the next request when the last one answered, for `seconds`. */
async function load(url: string, seconds: number, headers: Record<string, string> = {}): Promise<number[]> {
  const samples: number[] = [];
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const started = performance.now();
        const status = await get(url, headers);
        if (status !== 200) throw new Error(`GET ${url} answered ${status}`);
        samples.push(performance.now() - started);
      }
    }),
  );
  return samples;
}

async function api(base: string, cookie: string, method: string, path: string, body: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { "Content-Type": "application/json", Cookie: cookie, "Sec-Fetch-Site": "same-origin" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
  return { res, json: (await res.json()) as Record<string, unknown> };
}

const ms = (v: number) => `${v.toFixed(2).padStart(7)} ms`;

async function main() {
  const app = await startWranglerDev();
  try {
    const base = app.url;
    const signup = await fetch(`${base}/api/v1/auth/signup`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Sec-Fetch-Site": "same-origin" },
      body: JSON.stringify({
        name: "Bench Creator",
        email: `bench-${Date.now()}@example.com`,
        password: "violet-otter-harbour-42",
      }),
    });
    const cookie = (signup.headers.get("Set-Cookie") ?? "").split(";")[0] ?? "";
    if (!signup.ok || !cookie) throw new Error(`sign-up failed: ${signup.status}`);
    const { json: workspace } = await api(base, cookie, "POST", "/api/v1/workspaces", { name: "Bench Studio" });
    const slug = `bench-${Date.now().toString(36)}`;
    const { json: page } = await api(base, cookie, "POST", `/api/v1/workspaces/${workspace.id}/bio-pages`, {
      title: "Maya Chen · Northwind Studio",
      slug,
      is_active: true,
      bio: "Photographer and content strategist helping small brands tell better stories.",
      theme: { preset: "sunset" },
      custom_css: ".bio-link{letter-spacing:.02em}.bio-title{text-transform:uppercase}",
      seo_title: "Maya Chen — photography",
      links: Array.from({ length: 12 }, (_, i) => ({ title: `Link number ${i + 1}`, url: `https://example.com/${i}` })),
    });
    const pageUrl = `${base}/${slug}`;
    const floorUrl = `${base}/livez`;
    const visitor = { "User-Agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Mobile/15E148" };

    // Warm-up: both routes compiled and hot, the page in the cache.
    await load(floorUrl, 1);
    await load(pageUrl, 1, visitor);

    const floor: number[] = [];
    const cached: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      floor.push(...(await load(floorUrl, SECONDS)));
      cached.push(...(await load(pageUrl, SECONDS, visitor)));
    }

    // One at a time, interleaved so each sees the same machine: the render after an edit,
    // the constant route, and one D1 round trip (GET /api/health, a `SELECT 1`), which
    // shows what the local database alone costs a render that must read a row.
    const uncached: number[] = [];
    const floorAlone: number[] = [];
    const oneQuery: number[] = [];
    const timed = async (into: number[], url: string, headers: Record<string, string> = {}) => {
      const started = performance.now();
      const status = await get(url, headers);
      if (status !== 200) throw new Error(`GET ${url} answered ${status}`);
      into.push(performance.now() - started);
    };
    for (let i = 0; i < UNCACHED; i++) {
      await api(base, cookie, "PATCH", `/api/v1/workspaces/${workspace.id}/bio-pages/${page.id}`, {
        seo_description: `Edition ${i}`,
      });
      await timed(uncached, pageUrl, visitor);
      await timed(floorAlone, floorUrl);
      await timed(oneQuery, `${base}/api/health`);
    }

    const f = figures(floor, SECONDS * ROUNDS);
    const c = figures(cached, SECONDS * ROUNDS);
    const u = figures(uncached, 1);
    const fa = figures(floorAlone, 1);
    const q = figures(oneQuery, 1);
    console.log(
      `bench:bio — ${CONCURRENCY} concurrent clients, ${ROUNDS}×${SECONDS} s per route; ${UNCACHED} uncached renders one at a time\n`,
    );
    console.log("route                          req/s        p50          p99");
    console.log(`floor    GET /livez        ${f.rps.toFixed(0).padStart(8)}   ${ms(f.p50)}   ${ms(f.p99)}`);
    console.log(`cached   GET /{slug}       ${c.rps.toFixed(0).padStart(8)}   ${ms(c.p50)}   ${ms(c.p99)}`);
    console.log(`uncached GET /{slug}             —    ${ms(u.p50)}   ${ms(u.p99)}`);
    console.log("\none at a time, beside the uncached renders");
    console.log(`floor    GET /livez              —    ${ms(fa.p50)}   ${ms(fa.p99)}`);
    console.log(`D1 trip  GET /api/health         —    ${ms(q.p50)}   ${ms(q.p99)}`);
    console.log("");
    const throughput = c.rps / f.rps;
    const tail = c.p99 / Math.max(f.p99, 0.001);
    const verdict = (ok: boolean) => (ok ? "meets" : "MISSES");
    console.log(
      `cached throughput  ${throughput.toFixed(2)}× the floor   (target ≥ 0.80×: ${verdict(throughput >= 0.8)})`,
    );
    console.log(`cached p99         ${tail.toFixed(2)}× the floor   (target ≤ 1.50×: ${verdict(tail <= 1.5)})`);
    console.log(`uncached p99       ${u.p99.toFixed(2)} ms          (target < 20 ms: ${verdict(u.p99 < 20)})`);
  } finally {
    agent.destroy();
    await app.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
