import { describe, expect, it } from "vitest";
import { errorOf, signUp } from "../helpers/api";
import { createToken, type TokenJson, withToken } from "./token-helpers";

type Page = { data: TokenJson[]; next_cursor: string | null };

describe("listing my tokens", () => {
  it("pages through them newest first", async () => {
    const { client: owner } = await signUp();
    const first = await createToken(owner, { name: "first" });
    const second = await createToken(owner, { name: "second" });
    const third = await createToken(owner, { name: "third" });

    const page1 = (await (await owner.fetch("/api/v1/tokens?limit=2")).json()) as Page;
    expect(page1.data.map((t) => t.id)).toEqual([third.token.id, second.token.id]);
    expect(page1.next_cursor).toEqual(expect.any(String));

    const page2 = (await (await owner.fetch(`/api/v1/tokens?limit=2&cursor=${page1.next_cursor}`)).json()) as Page;
    expect(page2).toEqual({ data: [first.token], next_cursor: null });
  });

  it("shows only my own tokens", async () => {
    const { client: alice } = await signUp();
    const { client: bob } = await signUp();
    const mine = await createToken(alice, { name: "alice's" });
    await createToken(bob, { name: "bob's" });

    const list = (await (await alice.fetch("/api/v1/tokens")).json()) as Page;
    expect(list.data.map((t) => t.name)).toEqual(["alice's"]);

    // The same holds when a token asks.
    const viaToken = (await (await withToken(mine.plain_text_token, "/api/v1/tokens")).json()) as Page;
    expect(viaToken.data.map((t) => t.id)).toEqual([mine.token.id]);
  });

  it("refuses a cursor it did not give out", async () => {
    const { client: owner } = await signUp();
    for (const cursor of ["garbage!", btoa('["x"]'), btoa("[1,2]"), btoa("[-1]")]) {
      const res = await owner.fetch(`/api/v1/tokens?cursor=${encodeURIComponent(cursor)}`);
      expect(res.status).toBe(400);
      expect(await errorOf(res)).toMatchObject({ code: "invalid_cursor" });
    }
    const tooMany = await owner.fetch("/api/v1/tokens?limit=101");
    expect(tooMany.status).toBe(422);
  });

  it("needs someone signed in", async () => {
    const res = await withToken("", "/api/v1/tokens");
    expect(res.status).toBe(401);
  });

  it("is described in the OpenAPI document", async () => {
    const { client: anyone } = await signUp();
    const doc = (await (await anyone.fetch("/api/openapi.json")).json()) as { paths: Record<string, object> };
    expect(Object.keys(doc.paths["/api/v1/tokens"] ?? {}).sort()).toEqual(["get", "post"]);
    expect(Object.keys(doc.paths["/api/v1/tokens/{id}"] ?? {})).toEqual(["delete"]);
  });
});
