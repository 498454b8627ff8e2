import type { D1Database } from "@cloudflare/workers-types";
import { drizzle } from "drizzle-orm/d1";
import { type Database, sqliteDatabase } from "./database";
import * as tables from "./schema/generated/sqlite";

export function connectD1(binding: D1Database): Database {
  return sqliteDatabase(drizzle(binding), tables);
}
