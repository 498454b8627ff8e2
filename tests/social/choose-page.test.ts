// One Facebook sign-in can manage several Pages (and the Instagram accounts linked to
// them). Connecting then asks which one instead of taking the first: the callback keeps
// the candidates (tokens sealed) and sends the browser to the app to choose.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { errorOf } from "../helpers/api";
import { teammate } from "../helpers/workspaces";
import {
  type AccountJson,
  createPosts,
  db,
  fake,
  fakeUser,
  inMinutes,
  isFinal,
  makeDue,
  runCron,
  settled,
  socialWorkspace,
} from "./social-helpers";

type Pending = {
  id: string;
  platform: string;
  candidates: { account_id: string; username: string; connected: boolean }[];
};

async function signIn(who: Parameters<typeof createPosts>[0], workspaceId: string, platform: string, name: string) {
  const start = await who.fetch(`/api/v1/workspaces/${workspaceId}/social-accounts/connect/${platform}`);
  const state = new URL(start.headers.get("Location") ?? "").searchParams.get("state") ?? "";
  const back = await who.fetch(`/api/v1/social/callback/${platform}?${new URLSearchParams({ code: name, state })}`);
  expect(back.status).toBe(302);
  return new URL(back.headers.get("Location") ?? "", "http://localhost");
}

describe("choosing which Page to connect", { timeout: 20_000 }, () => {
  it("lists a sign-in's Pages, connects the chosen one, and publishes to it", async () => {
    const { owner, workspace } = await socialWorkspace();
    const name = fakeUser("pages");
    await fake.managePages(name, 3);
    const back = await signIn(owner.client, workspace.id, "facebook", name);
    expect(back.searchParams.get("platform")).toBe("facebook");
    const pendingId = back.searchParams.get("choose") ?? "";
    expect(pendingId).not.toBe("");
    const base = `/api/v1/workspaces/${workspace.id}/social-accounts`;
    // Nothing is connected until the person chooses.
    expect(((await (await owner.client.fetch(base)).json()) as { data: AccountJson[] }).data).toEqual([]);
    // The candidates' tokens wait sealed, as they would in the accounts table.
    const d = db();
    const [cached] = await d.q
      .select()
      .from(d.t.cache)
      .where(eq(d.t.cache.key, `social_pending:${pendingId}`));
    expect(cached?.value).toBeDefined();
    expect(cached?.value).not.toContain("meta-page-");

    const listed = await owner.client.fetch(`${base}/pending/${pendingId}`);
    expect(listed.status).toBe(200);
    const pending = (await listed.json()) as Pending;
    expect(pending.platform).toBe("facebook");
    expect(pending.candidates.map((c) => c.account_id)).toEqual([`page-${name}`, `page-${name}-2`, `page-${name}-3`]);
    expect(pending.candidates.every((c) => !c.connected)).toBe(true);

    // Only the person who signed in may see or choose.
    const editor = await teammate(workspace.id, "editor");
    expect((await editor.client.fetch(`${base}/pending/${pendingId}`)).status).toBe(404);
    const wrong = await owner.client.fetch(`${base}/pending/${pendingId}`, {
      method: "POST",
      json: { account_id: "page-someone-else" },
    });
    expect(wrong.status).toBe(422);

    const chosen = await owner.client.fetch(`${base}/pending/${pendingId}`, {
      method: "POST",
      json: { account_id: `page-${name}-2` },
    });
    expect(chosen.status).toBe(201);
    const account = (await chosen.json()) as AccountJson & { account_id: string };
    expect(account).toMatchObject({ platform: "facebook", account_id: `page-${name}-2`, status: "active" });
    // Chosen once: a second choice finds nothing.
    const again = await owner.client.fetch(`${base}/pending/${pendingId}`, {
      method: "POST",
      json: { account_id: `page-${name}-3` },
    });
    expect(again.status).toBe(404);
    expect((await errorOf(again)).message).toMatch(/expired or was already made/);
    const accounts = ((await (await owner.client.fetch(base)).json()) as { data: AccountJson[] }).data;
    expect(accounts.map((a) => a.id)).toEqual([account.id]);

    // It posts to that Page, with that Page's own token.
    const { data } = await createPosts(owner.client, workspace.id, {
      account_ids: [account.id],
      content: "To the second Page",
      status: "scheduled",
      scheduled_at: inMinutes(10),
    });
    await makeDue([data[0]?.id ?? ""]);
    await runCron();
    expect((await settled(data[0]?.id ?? "", isFinal)).status).toBe("published");
    const published = await fake.published("meta", name);
    expect(published).toHaveLength(1);
    expect(published[0]?.id).toMatch(new RegExp(`^page-${name}-2_`));
  });

  it("asks which Instagram account when several Pages have one, and marks the one already connected", async () => {
    const { owner, workspace } = await socialWorkspace();
    const name = fakeUser("igs");
    await fake.managePages(name, 2);
    const base = `/api/v1/workspaces/${workspace.id}/social-accounts`;
    const choose = async (accountId: string) => {
      const pendingId = (await signIn(owner.client, workspace.id, "instagram", name)).searchParams.get("choose");
      const pending = (await (await owner.client.fetch(`${base}/pending/${pendingId}`)).json()) as Pending;
      const res = await owner.client.fetch(`${base}/pending/${pendingId}`, {
        method: "POST",
        json: { account_id: accountId },
      });
      expect(res.status).toBe(201);
      return { pending, account: (await res.json()) as AccountJson };
    };
    const first = await choose(`ig-${name}-2`);
    expect(first.pending.candidates.map((c) => [c.username, c.connected])).toEqual([
      [name, false],
      [`${name}_2`, false],
    ]);
    expect(first.account.username).toBe(`${name}_2`);
    const second = await choose(`ig-${name}`);
    expect(second.pending.candidates.map((c) => c.connected)).toEqual([false, true]);
    const accounts = ((await (await owner.client.fetch(base)).json()) as { data: AccountJson[] }).data;
    expect(accounts.map((a) => a.username).sort()).toEqual([name, `${name}_2`].sort());
  });
});
