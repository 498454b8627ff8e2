// The real worker under `wrangler dev` on a free port, with a fresh local D1 migrated
// from db/migrations/d1: what the browser tests and the benchmarks run against.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
export const repo = fileURLToPath(new URL("../..", import.meta.url));
const READY_TIMEOUT_MS = 90_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A port nobody listens on right now: bind to 0, read what the OS chose, let it go. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}

/** Sends a signal to a process group, if any of it is left. */
function signal(group: number, name: NodeJS.Signals): void {
  try {
    process.kill(-group, name);
  } catch {
    // Already gone.
  }
}

/** Whether any process of the group is still running. */
function isRunning(group: number): boolean {
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
}

/** wrangler must not ask questions, phone home or write its logs into the developer's home. */
function wranglerEnv(state: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    CI: "1",
    WRANGLER_SEND_METRICS: "false",
    WRANGLER_LOG_PATH: join(state, "logs"),
    NO_COLOR: "1",
  };
}

/** Runs `npx <args>` in the repo and answers what it printed; a failure carries its output. */
export function run(args: string[], env: NodeJS.ProcessEnv): string {
  try {
    return execFileSync("npx", args, { cwd: repo, env, encoding: "utf8", stdio: "pipe" });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    throw new Error(`npx ${args.join(" ")} failed:\n${e.stdout ?? ""}\n${e.stderr ?? ""}`);
  }
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`wrangler dev exited with code ${child.exitCode} before it answered:\n${output()}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
    } catch {
      // Not listening yet: wrangler bundles and boots workerd first.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`wrangler dev did not answer GET ${url} within ${READY_TIMEOUT_MS / 1000} s:\n${output()}`);
}

export type WranglerDev = { url: string; state: string; stop(): Promise<void> };

/** A request wrangler logged as slower than this is worth a look when a story fails. */
const SLOW_REQUEST_MS = 5_000;
const REQUEST_LINE = /^\[wrangler:info\] (?:[A-Z]+ \S+ \d{3}|QUEUE \S+ \d+\/\d+)\b.*\((\d+)ms\)$/;

/** wrangler's failed look-up of workers.cloudflare.com (for `request.cf`), harmless offline. */
const OFFLINE_NOISE = /Request\.cf|workers\.cloudflare\.com|^\s+at GetAddrInfoReqWrap/;

/**
 * What in wrangler's log is out of the ordinary: anything but "Ready" and its request
 * lines, and requests slower than SLOW_REQUEST_MS. A story that fails because the
 * server stalled or restarted then says so in the test output.
 */
export function unusualLines(output: string): string[] {
  return output.split("\n").filter((line) => {
    if (!line.trim() || line.includes("Ready on http") || OFFLINE_NOISE.test(line)) return false;
    const request = REQUEST_LINE.exec(line);
    return !request || Number(request[1]) >= SLOW_REQUEST_MS;
  });
}

/** Builds the SPA when it is not built yet: npm test builds it first, a bare vitest run or a bench may not have. */
export function ensureWebBuild(): void {
  if (!existsSync(join(repo, "dist/web/app/index.html"))) {
    run(["vite", "build", "--config", "web/vite.config.ts"], process.env);
  }
}

/** Applies the D1 migrations to a local D1 kept in `state`. */
export const migrateLocalD1 = (state: string) =>
  run(["wrangler", "d1", "migrations", "apply", "DB", "--local", "--persist-to", state], wranglerEnv(state));

/** Runs SQL on the local D1 in `state` (the server must be stopped: see loadIntoLocalD1); the last statement's rows. */
export function executeOnLocalD1<T>(state: string, sql: string): T[] {
  const out = run(
    ["wrangler", "d1", "execute", "DB", "--local", "--persist-to", state, "--json", "--command", sql],
    wranglerEnv(state),
  );
  return (JSON.parse(out) as { results: T[] }[]).at(-1)?.results ?? [];
}

/** Loads a SQL file into the local D1 in `state` (the server must be stopped: loading into a running one breaks it). */
export const loadIntoLocalD1 = (state: string, file: string) =>
  run(
    ["wrangler", "d1", "execute", "DB", "--local", "--persist-to", state, "--file", file, "--yes"],
    wranglerEnv(state),
  );

type ServeOptions = {
  config?: string;
  healthPath?: string;
  vars?: Record<string, string>;
  /** Log every request, and print what was out of the ordinary (unusualLines) when the server stops. */
  report?: boolean;
  /** Listen here instead of on a free port: a server started again keeps its address. */
  port?: number;
};

/**
 * Runs `wrangler dev` on the local state in `state`, which outlives it: stop() ends the
 * server and keeps the data, so a bench can load more and start again. Resolves once it
 * answers `healthPath`.
 */
export async function serveWranglerDev(state: string, options: ServeOptions = {}): Promise<Omit<WranglerDev, "state">> {
  const config = options.config ? ["--config", options.config] : [];
  const vars = Object.entries(options.vars ?? {}).flatMap(([key, value]) => ["--var", `${key}:${value}`]);
  const [port, inspectorPort] = [options.port ?? (await freePort()), await freePort()];
  const url = `http://127.0.0.1:${port}`;
  // Its own process group, so teardown can stop npx, wrangler and workerd together.
  const child = spawn(
    "npx",
    [
      "wrangler",
      "dev",
      ...config,
      "--port",
      String(port),
      "--ip",
      "127.0.0.1",
      "--inspector-port",
      String(inspectorPort),
      "--persist-to",
      state,
      // GET /__scheduled fires the Cron Trigger, as `npm start` allows.
      "--test-scheduled",
      "--show-interactive-dev-session=false",
      "--log-level",
      options.report ? "info" : "warn",
      ...vars,
    ],
    { cwd: repo, env: wranglerEnv(state), detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });

  const stop = async () => {
    if (options.report) {
      const unusual = unusualLines(output);
      if (unusual.length) console.warn(`wrangler dev (${url}) logged:\n${unusual.join("\n")}`);
    }
    const group = child.pid;
    if (group === undefined) return;
    // Until every process of the group is gone, not just npx: a workerd still shutting down
    // holds the local D1's SQLite file, which the next server or `wrangler d1 execute` needs.
    signal(group, "SIGTERM");
    for (let waited = 0; isRunning(group) && waited < 10_000; waited += 50) {
      if (waited === 5_000) signal(group, "SIGKILL");
      await sleep(50);
    }
  };

  try {
    await waitForHealth(`${url}${options.healthPath ?? "/api/health"}`, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

/** Starts `wrangler dev` (optionally with another config) on a fresh, migrated local D1 that stop() deletes. */
export async function startWranglerDev(options: ServeOptions = {}): Promise<WranglerDev> {
  ensureWebBuild();
  const state = mkdtempSync(join(tmpdir(), "mewayz-dev-"));
  try {
    if (!options.config) migrateLocalD1(state);
    const server = await serveWranglerDev(state, options);
    return {
      url: server.url,
      state,
      async stop() {
        await server.stop();
        rmSync(state, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(state, { recursive: true, force: true });
    throw error;
  }
}
