// Proof that whoever set a custom domain controls it: a TXT record at _mewayz.<domain>
// holding the page's token, read over DNS-over-HTTPS (JSON API). The resolver's URL is
// configurable so tests point it at a local fake.

import type { Env } from "../../lib/env";
import { AppError } from "../../lib/errors";

const DEFAULT_RESOLVER = "https://cloudflare-dns.com/dns-query";
const TXT = 16;

type DnsAnswer = { Answer?: { type: number; data: string }[] };

export async function verifyCustomDomain(env: Env, domain: string, token: string): Promise<void> {
  const url = new URL(env.DNS_RESOLVER_URL || DEFAULT_RESOLVER);
  url.searchParams.set("name", `_mewayz.${domain}`);
  url.searchParams.set("type", "TXT");
  let answer: DnsAnswer;
  try {
    const res = await fetch(url, { headers: { Accept: "application/dns-json" } });
    if (!res.ok) throw new Error(`resolver answered ${res.status}`);
    answer = (await res.json()) as DnsAnswer;
  } catch (err) {
    console.error(JSON.stringify({ level: "error", msg: "DNS lookup failed", domain, error: String(err) }));
    throw new AppError("service_unavailable", "We could not look up your domain just now. Try again in a minute.");
  }
  const expected = `mewayz-verify=${token}`;
  // TXT data comes quoted, and long records split into several quoted strings.
  const found = (answer.Answer ?? []).some(
    (record) => record.type === TXT && record.data.replace(/"\s*"/g, "").replace(/^"|"$/g, "") === expected,
  );
  if (!found) {
    throw new AppError(
      "conflict",
      `Add a TXT record _mewayz.${domain} with the value ${expected}; DNS changes can take a few minutes to show.`,
      { record: `_mewayz.${domain}`, value: expected },
    );
  }
}
