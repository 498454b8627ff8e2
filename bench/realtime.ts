// npm run bench:realtime — N tabs in one workspace (default 100 and 1,000; CLIENTS=…
// to choose); an API change → time until every tab has it. The same fan-out through
// a bare echo Durable Object, measured in the same run on the same machine, is the
// floor; the ratio of the two p99s is the figure to watch (target ≤ 2× at 100).
import WebSocket from "ws";
import { startWranglerDev } from "../tests/e2e/wrangler-dev";

/** A hundred samples per figure: with fewer, the p99 is just the slowest one. */
const ROUNDS = Number(process.env.ROUNDS ?? 100);
const SIZES = (process.env.CLIENTS ?? "100,1000").split(",").map(Number);
const OPENING = 50;
const ROUND_TIMEOUT_MS = 15_000;

const percentile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const summary = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
};

type Tab = { ws: WebSocket; closed: number | null; waitFor(match: (data: string) => boolean): Promise<number> };

function openTab(url: string, headers: Record<string, string>): Promise<Tab> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    const waiting: { match: (data: string) => boolean; done: (at: number) => void }[] = [];
    ws.on("message", (raw) => {
      const at = performance.now();
      const data = raw.toString();
      for (const w of waiting.splice(0)) {
        if (w.match(data)) w.done(at);
        else waiting.push(w);
      }
    });
    ws.once("error", reject);
    ws.once("open", () => {
      const tab: Tab = {
        ws,
        closed: null,
        waitFor: (match) => new Promise((done) => waiting.push({ match, done })),
      };
      ws.once("close", (code) => {
        tab.closed = code;
      });
      resolve(tab);
    });
  });
}

/** Opens `count` tabs, at most OPENING at a time, as tabs arriving over a few seconds would. */
async function openTabs(count: number, open: () => Promise<Tab>): Promise<Tab[]> {
  const tabs: Tab[] = [];
  while (tabs.length < count) {
    tabs.push(...(await Promise.all(Array.from({ length: Math.min(OPENING, count - tabs.length) }, open))));
  }
  return tabs;
}

/** Time from sending a change until the last of the tabs has received it, per round. */
async function measure(tabs: Tab[], rounds: number, change: (marker: string) => Promise<unknown>) {
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const marker = `round-${round}-${Math.random().toString(36).slice(2)}`;
    let arrived = 0;
    const arrivals = Promise.all(
      tabs.map((t) =>
        t
          .waitFor((data) => data.includes(marker))
          .then((at) => {
            arrived++;
            return at;
          }),
      ),
    );
    const started = performance.now();
    await change(marker);
    const times = await Promise.race([
      arrivals,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), ROUND_TIMEOUT_MS)),
    ]);
    if (!times) {
      const closed = tabs.filter((t) => t.closed !== null).map((t) => t.closed);
      throw new Error(
        `round ${round}: ${arrived} of ${tabs.length} tabs had the change after ${ROUND_TIMEOUT_MS} ms; closed: ${closed.length} (${[...new Set(closed)].join(", ")})`,
      );
    }
    samples.push(Math.max(...times) - started);
  }
  return summary(samples);
}

async function main() {
  const app = await startWranglerDev();
  const echo = await startWranglerDev({ config: "bench/echo-room/wrangler.toml", healthPath: "/health" });
  try {
    const signup = await fetch(`${app.url}/api/v1/auth/signup`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Sec-Fetch-Site": "same-origin" },
      body: JSON.stringify({
        name: "Bench Owner",
        email: `bench-${Date.now()}@example.com`,
        password: "bench-password-2026",
      }),
    });
    const cookie = (signup.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const headers = {
      Cookie: cookie,
      "Content-Type": "application/json",
      "Sec-Fetch-Site": "same-origin",
      Origin: app.url,
    };
    const created = await fetch(`${app.url}/api/v1/workspaces`, {
      method: "POST",
      headers,
      body: JSON.stringify({ name: "Bench" }),
    });
    const { id } = (await created.json()) as { id: string };

    console.log(`rounds per size: ${ROUNDS}\n`);
    console.log("clients   live p50   live p99   floor p50   floor p99   p99 ratio");
    for (const size of SIZES) {
      const liveUrl = `${app.url.replace("http", "ws")}/api/v1/workspaces/${id}/live`;
      const live = await openTabs(size, () => openTab(liveUrl, { Cookie: cookie, Origin: app.url }));
      const floorTabs = await openTabs(size, () => openTab(`${echo.url.replace("http", "ws")}/room`, {}));
      await new Promise((r) => setTimeout(r, 500)); // let hellos and presence settle

      // The marker travels in the change event's `changed.name.to`.
      const liveStats = await measure(live, ROUNDS, (name) =>
        fetch(`${app.url}/api/v1/workspaces/${id}`, { method: "PATCH", headers, body: JSON.stringify({ name }) }),
      );
      const floorStats = await measure(floorTabs, ROUNDS, (marker) =>
        fetch(`${echo.url}/broadcast`, { method: "POST", body: JSON.stringify({ type: "change", marker }) }),
      );
      const ratio = liveStats.p99 / Math.max(floorStats.p99, 0.001);
      const ms = (v: number) => `${v.toFixed(1)} ms`.padStart(10);
      console.log(
        `${String(size).padStart(7)} ${ms(liveStats.p50)} ${ms(liveStats.p99)}  ${ms(floorStats.p50)}  ${ms(floorStats.p99)}   ${ratio.toFixed(2)}×`,
      );
      for (const t of [...live, ...floorTabs]) t.ws.close();
    }
  } finally {
    await Promise.all([app.stop(), echo.stop()]);
  }
}

await main();
