import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";
import { fakeDnsResolver } from "./tests/fakes/fake-dns-client";
import {
  FAKE_GOOGLE_CLIENT_ID,
  FAKE_GOOGLE_CLIENT_SECRET,
  fakeGoogleEndpoints,
} from "./tests/fakes/fake-google-client";
import { fakeSocialBindings } from "./tests/fakes/fake-social-client";

// Three runtimes, one command: worker code inside workerd against real D1; the
// MySQL path in Node against the MariaDB server; the UI in Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [
          // Runs after globalSetup, so the fakes' addresses can be bound into the worker.
          cloudflareTest(async ({ inject }) => ({
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: {
              bindings: {
                TEST_MIGRATIONS: await readD1Migrations("db/migrations/d1"),
                GOOGLE_CLIENT_ID: FAKE_GOOGLE_CLIENT_ID,
                GOOGLE_CLIENT_SECRET: FAKE_GOOGLE_CLIENT_SECRET,
                ...fakeGoogleEndpoints(inject("fakeGoogleUrl")),
                ...fakeDnsResolver(inject("fakeDnsUrl")),
                ...fakeSocialBindings(inject("fakeSocialUrl")),
              },
            },
          })),
        ],
        test: {
          name: "worker",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/**/*.mysql.test.ts", "tests/**/*.node.test.ts", "tests/e2e/**"],
          setupFiles: ["tests/helpers/apply-migrations.ts"],
          globalSetup: ["tests/fakes/start-fakes.ts"],
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
          // A page on a busy two-core machine can take more than a second to show what it fetched.
          expect: { poll: { timeout: 10_000 } },
          // A story that fails is run once more: on a loaded machine the dev server can stall
          // for a moment. The stall still shows: start-app prints what wrangler logged of it.
          retry: 1,
          globalSetup: ["tests/e2e/start-app.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
