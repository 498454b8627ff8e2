import { Client } from "@planetscale/database";
import { drizzle } from "drizzle-orm/planetscale-serverless";
import { type Database, mysqlDatabase } from "./database";
import * as tables from "./schema/generated/mysql";

/** Production MySQL over PlanetScale's HTTP driver: one cheap client per request, no pool to keep warm. */
export function connectPlanetScale(url: string): Database {
  return mysqlDatabase(drizzle(new Client({ url, fetch: (input, init) => fetch(input, init) })), tables);
}
