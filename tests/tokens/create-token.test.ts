import { beforeAll, describe, expect, it } from "vitest";
import { type Client, errorOf, signUp } from "../helpers/api";
import { countTokens, createToken, setUser, type TokenJson, withToken } from "./token-helpers";

const READ_ONLY = [
  "account:read",
  "workspaces:read",
  "crm:read",
  "bio:read",
  "social:read",
  "email:read",
  "courses:read",
  "store:read",
];
const DAY_MS = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS);

describe("creating a personal access token", () => {
  it("lives from creation to revocation: shown once, listed without its secret, works, then stops", async () => {
    const { client: owner, user } = await signUp();
    const res = await owner.fetch("/api/v1/tokens", { method: "POST", json: { name: "  Zapier  " } });
    expect(res.status).toBe(201);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const created = (await res.json()) as { token: TokenJson; plain_text_token: string };
    expect(created.token).toMatchObject({ name: "Zapier", abilities: READ_ONLY, last_used_at: null });
    expect(created.plain_text_token).toMatch(new RegExp(`^${created.token.id}\\|mwz_[A-Za-z0-9]{40}[0-9a-f]{8}$`));
    const secret = created.plain_text_token.split("|")[1]!;

    const listed = await owner.fetch("/api/v1/tokens");
    const listText = await listed.text();
    expect(listText).not.toContain(secret);
    const list = JSON.parse(listText) as { data: TokenJson[]; next_cursor: string | null };
    expect(list).toEqual({ data: [created.token], next_cursor: null });
    expect(Object.keys(list.data[0]!).sort()).toEqual(
      ["abilities", "created_at", "expires_at", "id", "last_used_at", "name"].sort(),
    );

    const me = await withToken(created.plain_text_token, "/api/v1/auth/me");
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { id: string } }).user.id).toBe(user.id);

    const afterUse = (await (await owner.fetch("/api/v1/tokens")).json()) as { data: TokenJson[] };
    expect(afterUse.data[0]!.last_used_at).not.toBeNull();

    const revoked = await owner.fetch(`/api/v1/tokens/${created.token.id}`, { method: "DELETE" });
    expect(revoked.status).toBe(204);
    const refused = await withToken(created.plain_text_token, "/api/v1/auth/me");
    expect(refused.status).toBe(401);
    expect(await errorOf(refused)).toMatchObject({ code: "unauthorized" });
  });

  it("makes read-only tokens unless asked otherwise", async () => {
    const { client: owner } = await signUp();
    const readOnly = await createToken(owner);
    const patch = await withToken(readOnly.plain_text_token, "/api/v1/auth/me", {
      method: "PATCH",
      json: { name: "Changed by a script" },
    });
    expect(patch.status).toBe(403);
    expect(await errorOf(patch)).toMatchObject({ code: "forbidden", details: { ability: "account:write" } });

    const writer = await createToken(owner, { name: "Profile sync", abilities: ["account:read", "account:write"] });
    expect(writer.token.abilities).toEqual(["account:read", "account:write"]);
    const allowed = await withToken(writer.plain_text_token, "/api/v1/auth/me", {
      method: "PATCH",
      json: { name: "Changed by a script" },
    });
    expect(allowed.status).toBe(200);
    expect(((await allowed.json()) as { user: { name: string } }).user.name).toBe("Changed by a script");
  });

  it("expires in 30 days by default, or when asked", async () => {
    const { client: owner } = await signUp();
    const near = (iso: string | null, expected: Date) =>
      expect(Math.abs(new Date(iso!).getTime() - expected.getTime())).toBeLessThan(60_000);

    near((await createToken(owner, { name: "default" })).token.expires_at, inDays(30));
    near((await createToken(owner, { name: "week", expires_in: "7d" })).token.expires_at, inDays(7));
    near((await createToken(owner, { name: "quarter", expires_in: "90d" })).token.expires_at, inDays(90));
    expect((await createToken(owner, { name: "forever", expires_in: "never" })).token.expires_at).toBeNull();

    const at = new Date(Date.now() + 10 * DAY_MS);
    at.setUTCMilliseconds(0);
    expect((await createToken(owner, { name: "dated", expires_at: at.toISOString() })).token.expires_at).toBe(
      at.toISOString(),
    );
    const day = inDays(40).toISOString().slice(0, 10);
    expect((await createToken(owner, { name: "plain date", expires_at: day })).token.expires_at).toBe(
      `${day}T00:00:00.000Z`,
    );
  });

  it("gives admin only to site admins", async () => {
    const { client: owner, user } = await signUp();
    const refused = await owner.fetch("/api/v1/tokens", {
      method: "POST",
      json: { name: "Ops", abilities: ["account:read", "admin"] },
    });
    expect(refused.status).toBe(422);
    expect(await errorOf(refused)).toMatchObject({
      code: "validation_failed",
      details: [{ path: "abilities.1", message: expect.stringContaining('"admin"') }],
    });

    await setUser(user.id, { role: "admin" });
    const granted = await createToken(owner, { name: "Ops", abilities: ["account:read", "admin"] });
    expect(granted.token.abilities).toEqual(["account:read", "admin"]);
  });

  describe("by a token (scripts minting tokens)", () => {
    it("needs account:write, and no cookie or browser headers", async () => {
      const { client: owner } = await signUp();
      const reader = await createToken(owner);
      const denied = await withToken(reader.plain_text_token, "/api/v1/tokens", {
        method: "POST",
        json: { name: "child" },
      });
      expect(denied.status).toBe(403);

      const minter = await createToken(owner, { name: "minter", abilities: ["account:read", "account:write"] });
      const res = await withToken(minter.plain_text_token, "/api/v1/tokens", {
        method: "POST",
        json: { name: "child", abilities: ["account:read"] },
      });
      expect(res.status).toBe(201);
      const child = (await res.json()) as { token: TokenJson; plain_text_token: string };
      expect(child.token.abilities).toEqual(["account:read"]);
      expect((await withToken(child.plain_text_token, "/api/v1/auth/me")).status).toBe(200);
    });

    it("never grants more than the token holds", async () => {
      const { client: owner } = await signUp();
      const minter = await createToken(owner, { name: "minter", abilities: ["account:read", "account:write"] });
      const before = await countTokens();

      const stronger = await withToken(minter.plain_text_token, "/api/v1/tokens", {
        method: "POST",
        json: { name: "child", abilities: ["account:read", "crm:write"] },
      });
      expect(stronger.status).toBe(422);
      expect(await errorOf(stronger)).toMatchObject({
        details: [{ path: "abilities.1", message: expect.stringContaining('"crm:write"') }],
      });

      // The read-only default holds abilities this token lacks, so the caller must choose.
      const defaulted = await withToken(minter.plain_text_token, "/api/v1/tokens", {
        method: "POST",
        json: { name: "child" },
      });
      expect(defaulted.status).toBe(422);
      expect(await errorOf(defaulted)).toMatchObject({
        details: [{ path: "abilities", message: expect.stringContaining('"crm:read"') }],
      });
      expect(await countTokens()).toBe(before);
    });
  });

  describe("refuses bad input and writes nothing", () => {
    const yearsAhead = (years: number) => new Date(Date.now() + years * 366 * DAY_MS).toISOString();
    const cases: [string, unknown, string, string][] = [
      ["no name", {}, "name", "invalid_type"],
      ["an empty name", { name: "" }, "name", "too_small"],
      ["a blank name", { name: "   " }, "name", "too_small"],
      ["an overlong name", { name: "x".repeat(256) }, "name", "too_big"],
      ["a name that is not text", { name: 42 }, "name", "invalid_type"],
      ["an unknown ability", { name: "t", abilities: ["crm:read", "crm:delete"] }, "abilities.1", "invalid_value"],
      ['"*"', { name: "t", abilities: ["*"] }, "abilities.0", "invalid_value"],
      ["a repeated ability", { name: "t", abilities: ["crm:read", "crm:read"] }, "abilities", "custom"],
      ["no abilities at all", { name: "t", abilities: [] }, "abilities", "too_small"],
      ["abilities that are not a list", { name: "t", abilities: "crm:read" }, "abilities", "invalid_type"],
      ["an unknown lifetime", { name: "t", expires_in: "1y" }, "expires_in", "invalid_value"],
      [
        "both a lifetime and a date",
        { name: "t", expires_in: "7d", expires_at: yearsAhead(0.1) },
        "expires_at",
        "custom",
      ],
      ["a date in the past", { name: "t", expires_at: "2020-01-01T00:00:00Z" }, "expires_at", "custom"],
      ["a date over a year ahead", { name: "t", expires_at: yearsAhead(1) }, "expires_at", "custom"],
      ["a date that is not a date", { name: "t", expires_at: "next tuesday" }, "expires_at", "custom"],
      ["a date without a zone", { name: "t", expires_at: "2030-01-01T00:00:00" }, "expires_at", "custom"],
      ["a date that is a number", { name: "t", expires_at: 1893456000 }, "expires_at", "invalid_type"],
      ["a field it does not know", { name: "t", scopes: ["*"] }, "", "unrecognized_keys"],
    ];

    let owner: Client;
    beforeAll(async () => {
      owner = (await signUp()).client;
    });

    it.each(cases)("%s → 422", async (_label, body, path, code) => {
      const before = await countTokens();
      const res = await owner.fetch("/api/v1/tokens", { method: "POST", json: body });
      expect(res.status).toBe(422);
      const error = await errorOf(res);
      expect(error.code).toBe("validation_failed");
      expect(error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path, code })]));
      expect(await countTokens()).toBe(before);
    });

    it('says why "*" is refused', async () => {
      const res = await owner.fetch("/api/v1/tokens", { method: "POST", json: { name: "t", abilities: ["*"] } });
      expect(await errorOf(res)).toMatchObject({ details: [{ message: expect.stringContaining('"*"') }] });
    });

    it("malformed JSON → 400 invalid_json", async () => {
      const before = await countTokens();
      const res = await owner.fetch("/api/v1/tokens", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: '{"name": "t",',
      });
      expect(res.status).toBe(400);
      expect(await errorOf(res)).toMatchObject({ code: "invalid_json" });
      expect(await countTokens()).toBe(before);
    });

    it("nobody signed in → 401", async () => {
      const before = await countTokens();
      const res = await withToken("1|not-a-real-token-at-all-xxxxxxxx", "/api/v1/tokens", {
        method: "POST",
        json: { name: "t" },
      });
      expect(res.status).toBe(401);
      expect(await countTokens()).toBe(before);
    });
  });
});
