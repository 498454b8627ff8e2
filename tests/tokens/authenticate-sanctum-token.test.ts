// Tokens issued by the old Laravel platform keep working after the move, unchanged.
import { beforeAll, describe, expect, it } from "vitest";
import { errorOf, signUp } from "../helpers/api";
import { SANCTUM_V2_TOKEN, SANCTUM_V4_TOKEN } from "./fixtures/sanctum-token";
import { database, setUser, withToken } from "./token-helpers";

const ME = "/api/v1/auth/me";

describe("a Laravel Sanctum token from the old platform", () => {
  let owner: { id: string };
  beforeAll(async () => {
    owner = (await signUp({ name: "Grace Hopper" })).user;
    const db = database();
    await db.atomic((q) => [
      q.insert(db.t.personalAccessTokens).values([
        { ...SANCTUM_V4_TOKEN.row, tokenable_id: owner.id },
        { ...SANCTUM_V2_TOKEN.row, tokenable_id: owner.id },
      ]),
    ]);
  });

  it("authenticates in Sanctum v4's format, checksum and all", async () => {
    const res = await withToken(SANCTUM_V4_TOKEN.plainTextToken, ME);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: { id: string } }).user.id).toBe(owner.id);
  });

  it("authenticates in Sanctum v2/v3's format, without a checksum", async () => {
    const res = await withToken(SANCTUM_V2_TOKEN.plainTextToken, ME);
    expect(res.status).toBe(200);
  });

  it('reads ["*"] as every ability the owner may grant', async () => {
    const patch = await withToken(SANCTUM_V4_TOKEN.plainTextToken, ME, {
      method: "PATCH",
      json: { name: "Grace B. Hopper" },
    });
    expect(patch.status).toBe(200);

    const listed = await withToken(SANCTUM_V4_TOKEN.plainTextToken, "/api/v1/tokens");
    const { data } = (await listed.json()) as { data: { id: number; abilities: string[] }[] };
    expect(data.find((t) => t.id === SANCTUM_V4_TOKEN.id)?.abilities).toEqual(["*"]);

    const child = await withToken(SANCTUM_V4_TOKEN.plainTextToken, "/api/v1/tokens", {
      method: "POST",
      json: { name: "child", abilities: ["crm:write", "store:write"] },
    });
    expect(child.status).toBe(201);
  });

  it('does not stretch ["*"] to admin for an owner who is not a site admin', async () => {
    const asked = { name: "ops", abilities: ["admin"] };
    const refused = await withToken(SANCTUM_V4_TOKEN.plainTextToken, "/api/v1/tokens", { method: "POST", json: asked });
    expect(refused.status).toBe(422);
    expect(await errorOf(refused)).toMatchObject({ details: [{ path: "abilities.0" }] });

    await setUser(owner.id, { role: "admin" });
    try {
      const granted = await withToken(SANCTUM_V4_TOKEN.plainTextToken, "/api/v1/tokens", {
        method: "POST",
        json: asked,
      });
      expect(granted.status).toBe(201);
    } finally {
      await setUser(owner.id, { role: "user" });
    }
  });

  it("refuses the old token with its checksum altered", async () => {
    const altered = `${SANCTUM_V4_TOKEN.plainTextToken.slice(0, -8)}00000000`;
    expect((await withToken(altered, ME)).status).toBe(401);
  });
});
