import { describe, expect, it } from "vitest";
import { errorOf, signUp } from "../helpers/api";
import { countTokens, createToken, withToken } from "./token-helpers";

describe("revoking a token", () => {
  it("answers 404 for another person's token, which keeps working", async () => {
    const { client: alice } = await signUp();
    const { client: mallory } = await signUp();
    const alices = await createToken(alice, { name: "alice's" });
    const before = await countTokens();

    const res = await mallory.fetch(`/api/v1/tokens/${alices.token.id}`, { method: "DELETE" });
    expect(res.status).toBe(404);
    expect(await errorOf(res)).toMatchObject({ code: "not_found" });
    expect(await countTokens()).toBe(before);
    expect((await withToken(alices.plain_text_token, "/api/v1/auth/me")).status).toBe(200);
  });

  it("answers 404 for an id that does not exist, and 422 for one that cannot", async () => {
    const { client: owner } = await signUp();
    expect((await owner.fetch("/api/v1/tokens/999999", { method: "DELETE" })).status).toBe(404);
    for (const id of ["abc", "0", "-1", "1.5", "99999999999999999999"]) {
      const res = await owner.fetch(`/api/v1/tokens/${id}`, { method: "DELETE" });
      expect(res.status).toBe(422);
    }
  });

  it("lets a token revoke itself when it may write to the account", async () => {
    const { client: owner } = await signUp();
    const reader = await createToken(owner);
    const denied = await withToken(reader.plain_text_token, `/api/v1/tokens/${reader.token.id}`, { method: "DELETE" });
    expect(denied.status).toBe(403);

    const writer = await createToken(owner, { name: "writer", abilities: ["account:read", "account:write"] });
    const res = await withToken(writer.plain_text_token, `/api/v1/tokens/${writer.token.id}`, { method: "DELETE" });
    expect(res.status).toBe(204);
    expect((await withToken(writer.plain_text_token, "/api/v1/auth/me")).status).toBe(401);
    expect((await withToken(reader.plain_text_token, "/api/v1/auth/me")).status).toBe(200);
  });
});
