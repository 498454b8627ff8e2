// SQL against wrangler dev's local D1, through wrangler itself: Node has no binding to it.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { repo } from "./wrangler-dev";

export function queryLocalD1<T>(persistDir: string, sql: string): T[] {
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
}
