import type { Database } from "../../db/database";

/** Bindings, variables and secrets of the worker (wrangler.toml, .dev.vars). */
export type Env = {
  DB: D1Database;
  ASSETS: Fetcher;
  APP_ENV: string;
  /** PlanetScale connection URL; when set, data lives in MySQL instead of D1. */
  DATABASE_URL?: string;
};

export type AppEnv = {
  Bindings: Env;
  Variables: { db: Database; requestId: string };
};
