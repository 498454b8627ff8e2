// Runs before every worker test file: the real D1 schema, from the same migrations wrangler applies.
import { applyD1Migrations, env } from "cloudflare:test";

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
