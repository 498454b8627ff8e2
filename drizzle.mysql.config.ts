import { defineConfig } from "drizzle-kit";

// MySQL/PlanetScale migrations: applied by `npm run db:migrate -- --mysql` and the MariaDB tests.
export default defineConfig({
  dialect: "mysql",
  schema: "./db/schema/generated/mysql.ts",
  out: process.env.MIGRATIONS_OUT ?? "./db/migrations/mysql",
});
