// The flags every db:* command shares. Local D1 (the database `wrangler dev` uses) is the
// default target; --mysql switches to the server in DATABASE_URL.
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { projectRoot } from "./project-root";
import { shortPath } from "./short-path";

const DEFAULT_MYSQL_URL = "mysql://root@127.0.0.1:3306/test";

export type DbArgs =
  | {
      target: "d1";
      /** What `wrangler --persist-to` takes: the directory that holds `v3/`. */
      persistDir: string;
      /** The flag to hand on to wrangler, empty when the default directory is used. */
      persistFlag: string[];
      ifEmpty: boolean;
      force: boolean;
      label: string;
    }
  | { target: "mysql"; url: string; ifEmpty: boolean; force: boolean; label: string };

export function parseDbArgs(argv: string[]): DbArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      mysql: { type: "boolean", default: false },
      "persist-to": { type: "string" },
      "if-empty": { type: "boolean", default: false },
      // db:fresh only: allow dropping the tables of a MySQL server on another machine.
      force: { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const ifEmpty = values["if-empty"] ?? false;
  const force = values.force ?? false;

  if (values.mysql) {
    if (values["persist-to"] !== undefined)
      throw new Error("--persist-to is for local D1; it cannot be used with --mysql.");
    const url = process.env.DATABASE_URL || DEFAULT_MYSQL_URL;
    return { target: "mysql", url, ifEmpty, force, label: `MySQL ${withoutPassword(url)}` };
  }

  const given = values["persist-to"];
  // Relative to where the command was run, as wrangler resolves its own --persist-to.
  const persistDir = given === undefined ? join(projectRoot, ".wrangler", "state") : resolve(given);
  return {
    target: "d1",
    persistDir,
    persistFlag: given === undefined ? [] : ["--persist-to", persistDir],
    ifEmpty,
    force,
    label: `local D1 (${shortPath(persistDir)})`,
  };
}

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(DATABASE_URL is not a valid URL)";
  }
}
