import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";

describe("the API's answers", () => {
  it("reports a healthy database", async () => {
    const res = await SELF.fetch("http://localhost/api/health");
    expect(res.status).toBe(200);
    expect(res.headers.get("X-Request-Id")).toMatch(/.+/);
    const body = await res.json();
    expect(body).toMatchObject({ status: "ok", database: { status: "ok", dialect: "sqlite" } });
  });

  it("answers an unknown API route with a JSON 404, never HTML", async () => {
    const res = await SELF.fetch("http://localhost/api/v1/nothing-here", { method: "POST" });
    expect(res.status).toBe(404);
    expect(res.headers.get("Content-Type")).toContain("application/json");
    expect(res.headers.get("X-Request-Id")).toMatch(/.+/);
    const body = await res.json();
    expect(body).toMatchObject({ error: { code: "not_found" } });
  });

  it("describes every route in the OpenAPI document", async () => {
    const res = await SELF.fetch("http://localhost/api/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toContain("/api/health");
  });

  it("renders the API docs", async () => {
    const res = await SELF.fetch("http://localhost/api/docs");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("/api/openapi.json");
  });

  it("keeps the request id a client sends", async () => {
    const res = await SELF.fetch("http://localhost/api/health", { headers: { "X-Request-Id": "trace-123" } });
    expect(res.headers.get("X-Request-Id")).toBe("trace-123");
  });
});
