// A local stand-in for a DNS-over-HTTPS resolver's JSON API (Cloudflare's and Google's
// `application/dns-json`), as a real HTTP server: GET /dns-query?name=&type=TXT answers
// from the TXT records tests published through POST /__control/txt.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeDns = { url: string; close(): Promise<void> };

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startFakeDns(): Promise<FakeDns> {
  const records = new Map<string, string[]>();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.method === "POST" && url.pathname === "/__control/txt") {
      const { name, value } = JSON.parse(await readBody(req)) as { name: string; value: string };
      records.set(name.toLowerCase(), [...(records.get(name.toLowerCase()) ?? []), value]);
      res.writeHead(201).end();
      return;
    }
    if (req.method === "GET" && url.pathname === "/dns-query") {
      const name = (url.searchParams.get("name") ?? "").toLowerCase();
      const values = url.searchParams.get("type") === "TXT" ? (records.get(name) ?? []) : [];
      res.writeHead(200, { "Content-Type": "application/dns-json" });
      res.end(
        JSON.stringify({
          Status: values.length ? 0 : 3,
          Answer: values.map((value) => ({ name: `${name}.`, type: 16, TTL: 300, data: JSON.stringify(value) })),
        }),
      );
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
