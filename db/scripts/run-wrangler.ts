import { spawn } from "node:child_process";
import { projectRoot } from "./project-root";

/**
 * Runs `npx wrangler <args>` in the repository root, its output shown as it comes — or,
 * with `capture`, its stdout returned (for `--json` output) and only stderr shown.
 * stdin is closed so wrangler treats the run as non-interactive and skips its "continue?"
 * prompts: these commands only touch the local development database, and `npm start`
 * must not stop to ask.
 */
export function runWrangler(args: string[], { capture = false } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["wrangler", ...args], {
      cwd: projectRoot,
      stdio: ["ignore", capture ? "pipe" : "inherit", capture ? "pipe" : "inherit"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve(stdout);
      else {
        const error = new Error(`wrangler ${args.slice(0, 3).join(" ")} failed (${signal ?? `exit code ${code}`}).`);
        reject(Object.assign(error, { stdout, stderr }));
      }
    });
  });
}
