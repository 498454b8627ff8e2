// SQL against wrangler dev's local D1, through wrangler itself: Node has no binding to it.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { repo } from "./wrangler-dev";

const ATTEMPTS = 5;

export function queryLocalD1<T>(persistDir: string, sql: string): T[] {
  // The running server holds the same SQLite file: a statement that meets its lock ("database
  // is locked") is tried again after a pause instead of failing the story.
  for (let attempt = 1; ; attempt++) {
    try {
      const out = execFileSync(
        "npx",
        ["wrangler", "d1", "execute", "DB", "--local", "--persist-to", persistDir, "--json", "--command", sql],
        {
          cwd: repo,
          encoding: "utf8",
          stdio: ["ignore", "pipe", "pipe"],
          env: {
            ...process.env,
            CI: "1",
            WRANGLER_SEND_METRICS: "false",
            WRANGLER_LOG_PATH: join(persistDir, "logs"),
            NO_COLOR: "1",
          },
        },
      );
      return (JSON.parse(out) as { results: T[] }[])[0]?.results ?? [];
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string };
      if (attempt >= ATTEMPTS) {
        throw new Error(`wrangler d1 execute failed ${ATTEMPTS} times:\n${e.stdout ?? ""}\n${e.stderr ?? ""}`);
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300 * attempt);
    }
  }
}
