import { describe, expect, it } from "vitest";
import { errorOf, signUp } from "../helpers/api";
import { createToken, setTokenExpiry, setUser, withToken } from "./token-helpers";

const ME = "/api/v1/auth/me";

describe("calling the API with a token", () => {
  it("refuses an expired token", async () => {
    const { client: owner } = await signUp();
    const { token, plain_text_token } = await createToken(owner);
    expect((await withToken(plain_text_token, ME)).status).toBe(200);
    await setTokenExpiry(token.id, new Date(Date.now() - 1000));
    const res = await withToken(plain_text_token, ME);
    expect(res.status).toBe(401);
    expect(await errorOf(res)).toMatchObject({ code: "unauthorized" });
  });

  it("refuses the token of a suspended person", async () => {
    const { client: owner, user } = await signUp();
    const { plain_text_token } = await createToken(owner);
    await setUser(user.id, { status: "suspended" });
    expect((await withToken(plain_text_token, ME)).status).toBe(401);
  });

  it("refuses a tampered secret, an unknown id, and things that are not tokens", async () => {
    const { client: owner } = await signUp();
    const { token, plain_text_token } = await createToken(owner);
    const [id, secret] = plain_text_token.split("|") as [string, string];
    const flipped = `${secret.slice(0, 10)}${secret[10] === "A" ? "B" : "A"}${secret.slice(11)}`;
    const attempts = [
      `${id}|${flipped}`,
      `${id}|${secret}x`,
      `${id}|${secret.slice(0, -1)}`,
      `${token.id + 1000}|${secret}`,
      `0|${secret}`,
      `|${secret}`,
      secret,
      `${id}|`,
      `abc|${secret}`,
    ];
    for (const attempt of attempts) {
      const res = await withToken(attempt, ME);
      expect(res.status, attempt).toBe(401);
    }
    // The real one still works after all that.
    expect((await withToken(plain_text_token, ME)).status).toBe(200);
  });

  it("needs no browser headers for a write: a bearer token carries no CSRF risk", async () => {
    const { client: owner } = await signUp();
    const { plain_text_token } = await createToken(owner, {
      name: "sync",
      abilities: ["account:read", "account:write"],
    });
    const res = await withToken(plain_text_token, ME, { method: "PATCH", json: { name: "From a script" } });
    expect(res.status).toBe(200);
  });
});
