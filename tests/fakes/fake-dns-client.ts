// The contract of the local fake DNS-over-HTTPS resolver (tests/fakes/fake-dns.ts):
// only `fetch`, so worker tests inside workerd can publish records through it.

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the fake resolver (tests/fakes/start-fakes.ts). */
    fakeDnsUrl: string;
  }
}

export const fakeDnsResolver = (baseUrl: string) => ({ DNS_RESOLVER_URL: `${baseUrl}/dns-query` });

/** Publishes a TXT record on the fake resolver. */
export async function publishTxtRecord(baseUrl: string, name: string, value: string): Promise<void> {
  const res = await fetch(`${baseUrl}/__control/txt`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name, value }),
  });
  if (res.status !== 201) throw new Error(`fake DNS refused the record: ${res.status}`);
}
