// Opens the database a command targets through the shared data layer. Local D1 is
// reached from Node through wrangler's platform proxy, which reads the same files
// `wrangler dev` writes.
import { join } from "node:path";
import type { D1Database } from "@cloudflare/workers-types";
import { connectD1 } from "../connect-d1";
import { connectMySql } from "../connect-mysql";
import type { Database } from "../database";
import type { DbArgs } from "./parse-db-args";
import { projectRoot } from "./project-root";

export type OpenDatabase = { db: Database; close(): Promise<void> };

export async function openDatabase(args: DbArgs): Promise<OpenDatabase> {
  if (args.target === "mysql") {
    const connection = connectMySql(args.url);
    return { db: connection.db, close: connection.close };
  }
  // Imported here: wrangler is heavy, and a --mysql run does not need it.
  const { getPlatformProxy } = await import("wrangler");
  const proxy = await getPlatformProxy<{ DB: D1Database }>({
    configPath: join(projectRoot, "wrangler.toml"),
    // wrangler's --persist-to names the directory above v3/, getPlatformProxy's path is v3/ itself.
    persist: { path: join(args.persistDir, "v3") },
    // Never reach out to Cloudflare: these commands are for the local database only.
    remoteBindings: false,
  });
  return { db: connectD1(proxy.env.DB), close: proxy.dispose };
}
