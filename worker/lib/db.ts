import { connectD1 } from "../../db/connect-d1";
import { connectPlanetScale } from "../../db/connect-planetscale";
import type { Database } from "../../db/database";
import type { Env } from "./env";

/** D1 unless a PlanetScale URL is configured (production). */
export function databaseFor(env: Env): Database {
  return env.DATABASE_URL ? connectPlanetScale(env.DATABASE_URL) : connectD1(env.DB);
}
