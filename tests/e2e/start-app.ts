// Vitest globalSetup for the e2e project: the real worker under `wrangler dev`, with a
// fresh local D1, serving the built SPA from dist/web — and the one way a story writes
// that D1 directly (d1-while-stopped.ts).
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startFakeDns } from "../fakes/fake-dns";
import { fakeDnsResolver } from "../fakes/fake-dns-client";
import { startFakeSocial } from "../fakes/fake-social";
import { fakeSocialBindings } from "../fakes/fake-social-client";
import { executeOnLocalD1, freePort, migrateLocalD1, repo, run, serveWranglerDev } from "./wrangler-dev";

// Module augmentation only works on an interface, so this is the one place we declare one.
declare module "vitest" {
  export interface ProvidedContext {
    appUrl: string;
    /** POST SQL here to run it on the app's local D1 while the app is stopped (d1-while-stopped.ts). */
    d1ControlUrl: string;
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
  const state = mkdtempSync(join(tmpdir(), "mewayz-dev-"));
  const options = { vars: { ...fakeDnsResolver(dns.url), ...meta }, report: true, port: await freePort() };
  const stopFakes = async () => {
    await dns.close();
    await social.close();
  };
  let app: Awaited<ReturnType<typeof serveWranglerDev>>;
  try {
    migrateLocalD1(state);
    app = await serveWranglerDev(state, options);
  } catch (error) {
    await stopFakes();
    rmSync(state, { recursive: true, force: true });
    throw error;
  }

  // A second process on the SQLite file of a running server blocks every request of the
  // server (its queries wait on the lock) until that process exits, 2–3 s, and some of
  // its queries fail with SQLITE_BUSY. So the server stops, wrangler runs the SQL, and the
  // server starts again at the same address; sessions and data live in the local D1, so
  // a story carries on where it was.
  const control = createServer(async (req, res) => {
    let sql = "";
    for await (const chunk of req) sql += chunk;
    try {
      await app.stop();
      const rows = executeOnLocalD1(state, sql);
      app = await serveWranglerDev(state, options);
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(rows));
    } catch (error) {
      res.writeHead(500, { "Content-Type": "text/plain" }).end(String(error));
    }
  });
  await new Promise<void>((resolve) => control.listen(0, "127.0.0.1", resolve));

  project.provide("appUrl", `http://127.0.0.1:${options.port}`);
  project.provide("d1ControlUrl", `http://127.0.0.1:${(control.address() as AddressInfo).port}`);
  project.provide("fakeDnsUrl", dns.url);
  project.provide("fakeSocialUrl", social.url);
  return async () => {
    await new Promise((resolve) => control.close(resolve));
    await app.stop();
    rmSync(state, { recursive: true, force: true });
    await stopFakes();
  };
}
