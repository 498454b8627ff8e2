import { defineConfig } from "drizzle-kit";

// D1 migrations: read by `wrangler d1 migrations apply` and by the worker tests.
export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema/generated/sqlite.ts",
  out: process.env.MIGRATIONS_OUT ?? "./db/migrations/d1",
});
