import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendThroughHttpApi } from "../../worker/lib/mail/http-api-transport";

type Received = { method: string; url: string; headers: IncomingMessage["headers"]; body: unknown };

let server: Server;
let baseUrl: string;
const received: Received[] = [];
let answer = { status: 200, body: '{"id":"msg_1"}' };

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => {
      raw += chunk;
    });
    req.on("end", () => {
      received.push({
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: JSON.parse(raw || "null"),
      });
      res.writeHead(answer.status, { "Content-Type": "application/json" }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe("the HTTP email API transport", () => {
  const mail = { to: "ada@example.com", subject: "Confirm", html: "<p>Hi</p>", text: "Hi" };
  const config = () => ({ baseUrl, apiKey: "re_test_key", from: "Mewayz <hello@mewayz.test>" });

  it("posts the mail as JSON with the API key", async () => {
    answer = { status: 200, body: '{"id":"msg_1"}' };
    await sendThroughHttpApi(config(), mail);
    const request = received.at(-1);
    expect(request).toMatchObject({ method: "POST", url: "/v1/emails" });
    expect(request?.headers.authorization).toBe("Bearer re_test_key");
    expect(request?.headers["content-type"]).toMatch(/application\/json/);
    expect(request?.body).toEqual({
      from: "Mewayz <hello@mewayz.test>",
      to: ["ada@example.com"],
      subject: "Confirm",
      html: "<p>Hi</p>",
      text: "Hi",
    });
  });

  it("fails loudly when the provider refuses", async () => {
    answer = { status: 422, body: '{"message":"invalid from"}' };
    await expect(sendThroughHttpApi(config(), mail)).rejects.toThrow(/422.*invalid from/);
  });
});
