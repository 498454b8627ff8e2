import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { LATEST_STORABLE } from "../../worker/lib/storable-time";
import { errorOf } from "../helpers/api";
import { teammate } from "../helpers/workspaces";
import { connectAccount, db, fake, fakeUser, socialWorkspace } from "./social-helpers";

describe("connecting social accounts", () => {
  it("connects X, LinkedIn and Instagram through OAuth, and lists them without tokens", async () => {
    const { owner, workspace } = await socialWorkspace();
    const name = fakeUser("conn");
    const x = await connectAccount(owner.client, workspace.id, "twitter", name);
    const li = await connectAccount(owner.client, workspace.id, "linkedin", name);
    const ig = await connectAccount(owner.client, workspace.id, "instagram", name);
    expect([x.status, li.status, ig.status]).toEqual(["active", "active", "active"]);
    const res = await owner.client.fetch(`/api/v1/workspaces/${workspace.id}/social-accounts`);
    const text = await res.text();
    expect(text).not.toContain("access_token");
    expect(text).not.toContain(`x-at-${name}`);
    const body = JSON.parse(text) as { platforms: { platform: string; configured: boolean; sandbox: boolean }[] };
    expect(body.platforms.find((p) => p.platform === "twitter")).toMatchObject({ configured: true, sandbox: true });
    // YouTube rides on the Google sign-in client.
    expect(body.platforms.find((p) => p.platform === "youtube")).toMatchObject({ configured: true });
  });

  it("keeps tokens sealed with AES-GCM at rest, under a key id", async () => {
    const { owner, workspace } = await socialWorkspace();
    const name = fakeUser("seal");
    const account = await connectAccount(owner.client, workspace.id, "twitter", name);
    const raw = await env.DB.prepare(
      "SELECT access_tokens, token_key_id, token_expires_at FROM social_media_accounts WHERE id = ?",
    )
      .bind(account.id)
      .first<{ access_tokens: string; token_key_id: string; token_expires_at: string }>();
    expect(raw?.token_key_id).toBe("dev");
    expect(raw?.access_tokens).not.toContain(name);
    expect(JSON.parse(raw?.access_tokens ?? "{}")).toMatchObject({
      v: 1,
      iv: expect.any(String),
      ct: expect.any(String),
    });
    expect(raw?.token_expires_at).toBeTruthy();
  });

  it("stores when a token ends within what the column holds, whatever lifetime the platform states", async () => {
    const { owner, workspace } = await socialWorkspace();
    const d = db();
    const t = d.t.socialMediaAccounts;
    /** Connects a fresh user whose token answers carry this expires_in; hours from now to its stored expiry. */
    const connectWith = async (platform: "twitter" | "linkedin" | "tiktok" | "instagram", expiresIn: unknown) => {
      const name = fakeUser(platform);
      await fake.tokenLifetime(name, expiresIn);
      const account = await connectAccount(owner.client, workspace.id, platform, name);
      expect(account.status).toBe("active");
      const [row] = await d.q.select({ at: t.token_expires_at }).from(t).where(eq(t.id, account.id));
      return row?.at ?? null;
    };
    // Past 2038 (or past what a Date can hold) is cut to the last instant every database stores.
    expect((await connectWith("twitter", 1e300))?.getTime()).toBe(LATEST_STORABLE);
    expect((await connectWith("instagram", 4e9))?.getTime()).toBe(LATEST_STORABLE);
    // No usable figure: unknown where the platform documents none, its documented lifetime where it does.
    expect(await connectWith("linkedin", -5)).toBeNull();
    expect(await connectWith("twitter", "7200")).toBeNull();
    const hoursLeft = (at: Date | null) => ((at?.getTime() ?? 0) - Date.now()) / 3_600_000;
    expect(hoursLeft(await connectWith("tiktok", 0))).toBeCloseTo(24, 0);
    expect(hoursLeft(await connectWith("instagram", null)) / 24).toBeCloseTo(60, 0);
  });

  it("reconnects the same account into the same row, active again", async () => {
    const { owner, workspace } = await socialWorkspace();
    const name = fakeUser("again");
    const first = await connectAccount(owner.client, workspace.id, "linkedin", name);
    const d = db();
    await d.atomic((q) => [
      q
        .update(d.t.socialMediaAccounts)
        .set({ status: "expired", last_error: "gone" })
        .where(eq(d.t.socialMediaAccounts.id, first.id)),
    ]);
    const second = await connectAccount(owner.client, workspace.id, "linkedin", name);
    expect(second.id).toBe(first.id);
    expect(second).toMatchObject({ status: "active", last_error: null });
  });

  it("refuses a callback whose state was not started by this person", async () => {
    const { owner, workspace } = await socialWorkspace();
    const start = await owner.client.fetch(`/api/v1/workspaces/${workspace.id}/social-accounts/connect/twitter`);
    const state = new URL(start.headers.get("Location") ?? "").searchParams.get("state") ?? "";
    const other = await teammate(workspace.id, "admin");
    const res = await other.client.fetch(`/api/v1/social/callback/twitter?code=${fakeUser()}&state=${state}`);
    expect(res.status).toBe(404);
    // The state is spent: not even its owner can use it now.
    const again = await owner.client.fetch(`/api/v1/social/callback/twitter?code=${fakeUser()}&state=${state}`);
    expect(again.status).toBe(404);
  });

  it("connects a sandbox account outside production", async () => {
    const { owner, workspace } = await socialWorkspace();
    const sandbox = await owner.client.fetch(`/api/v1/workspaces/${workspace.id}/social-accounts/sandbox`, {
      method: "POST",
      json: { platform: "tiktok", username: "demo_tok" },
    });
    expect(sandbox.status).toBe(201);
    expect(await sandbox.json()).toMatchObject({
      platform: "tiktok",
      username: "demo_tok",
      sandbox: true,
      status: "active",
    });
  });

  it("disconnects an account; another workspace's account answers 404", async () => {
    const { owner, workspace } = await socialWorkspace();
    const account = await connectAccount(owner.client, workspace.id, "twitter", fakeUser("gone"));
    const stranger = await socialWorkspace();
    const probe = await stranger.owner.client.fetch(
      `/api/v1/workspaces/${stranger.workspace.id}/social-accounts/${account.id}`,
      {
        method: "DELETE",
      },
    );
    expect(probe.status).toBe(404);
    const res = await owner.client.fetch(`/api/v1/workspaces/${workspace.id}/social-accounts/${account.id}`, {
      method: "DELETE",
    });
    expect(res.status).toBe(204);
    const list = (await (await owner.client.fetch(`/api/v1/workspaces/${workspace.id}/social-accounts`)).json()) as {
      data: unknown[];
    };
    expect(list.data).toHaveLength(0);
  });

  it("does not let a contributor connect accounts", async () => {
    const { workspace } = await socialWorkspace();
    const contributor = await teammate(workspace.id, "contributor");
    const res = await contributor.client.fetch(`/api/v1/workspaces/${workspace.id}/social-accounts/connect/twitter`);
    expect(res.status).toBe(403);
    // Refused before any consent screen: no redirect to the network, no state started.
    expect(res.headers.get("Location")).toBeNull();
    expect((await errorOf(res)).code).toBe("forbidden");
  });
});
