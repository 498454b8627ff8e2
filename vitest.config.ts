import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

// Three runtimes, one command: worker code inside workerd against real D1; the
// MySQL path in Node against the MariaDB server; the UI in Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [
          cloudflareTest(async () => ({
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: { bindings: { TEST_MIGRATIONS: await readD1Migrations("db/migrations/d1") } },
          })),
        ],
        test: {
          name: "worker",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/**/*.mysql.test.ts", "tests/**/*.node.test.ts", "tests/e2e/**"],
          setupFiles: ["tests/helpers/apply-migrations.ts"],
        },
      },
      {
        test: {
          name: "node",
          environment: "node",
          include: ["tests/**/*.mysql.test.ts", "tests/**/*.node.test.ts"],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "e2e",
          environment: "node",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/e2e/start-app.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
