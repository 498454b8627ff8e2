// Vitest globalSetup for the worker project: the local fakes of outside services the
// worker calls over the network, started once per run. vitest.config.ts reads their
// addresses (through `inject`) into the worker's bindings.
import type { TestProject } from "vitest/node";
import { startFakeDns } from "./fake-dns";
import { startFakeGoogle } from "./fake-google";
import { FAKE_GOOGLE_CLIENT_ID, FAKE_GOOGLE_CLIENT_SECRET } from "./fake-google-client";
import { startFakeSocial } from "./fake-social";

export default async function startFakes(project: TestProject): Promise<() => Promise<void>> {
  const google = await startFakeGoogle({ clientId: FAKE_GOOGLE_CLIENT_ID, clientSecret: FAKE_GOOGLE_CLIENT_SECRET });
  project.provide("fakeGoogleUrl", google.url);
  const dns = await startFakeDns();
  project.provide("fakeDnsUrl", dns.url);
  const social = await startFakeSocial();
  project.provide("fakeSocialUrl", social.url);
  return async () => {
    await google.close();
    await dns.close();
    await social.close();
  };
}
