// Vitest globalSetup for the e2e project: the real worker under `wrangler dev`, with a
// fresh local D1, serving the built SPA from dist/web.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startFakeDns } from "../fakes/fake-dns";
import { fakeDnsResolver } from "../fakes/fake-dns-client";
import { startFakeSocial } from "../fakes/fake-social";
import { fakeSocialBindings } from "../fakes/fake-social-client";
import { repo, run, startWranglerDev } from "./wrangler-dev";

// Module augmentation only works on an interface, so this is the one place we declare one.
declare module "vitest" {
  export interface ProvidedContext {
    appUrl: string;
    /** wrangler's --persist-to folder, for tests that read or seed the local D1 directly. */
    persistDir: string;
  }
}

export default async function startApp(project: TestProject): Promise<() => Promise<void>> {
  // npm test builds the SPA before vitest runs; a bare `vitest run --project e2e` may not have.
  if (!existsSync(join(repo, "dist/web/app/index.html"))) {
    run(["vite", "build", "--config", "web/vite.config.ts"], process.env);
  }
  // Custom-domain checks ask this local resolver, never the internet's DNS.
  const dns = await startFakeDns();
  // Facebook and Instagram sign in through the fake Meta (the other networks stay sandbox-only here).
  const social = await startFakeSocial();
  const meta = Object.fromEntries(
    Object.entries(fakeSocialBindings(social.url)).filter(([key]) => key.startsWith("SOCIAL_META_")),
  );
  const app = await startWranglerDev({ vars: { ...fakeDnsResolver(dns.url), ...meta }, report: true }).catch(
    async (error: unknown) => {
      await dns.close();
      await social.close();
      throw error;
    },
  );
  project.provide("appUrl", app.url);
  project.provide("persistDir", app.state);
  project.provide("fakeDnsUrl", dns.url);
  project.provide("fakeSocialUrl", social.url);
  return async () => {
    await app.stop();
    await dns.close();
    await social.close();
  };
}
