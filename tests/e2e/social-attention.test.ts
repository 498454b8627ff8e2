// Social posts that need a person, in the app: an unconfirmed post settled as live or
// sent again after a warning, drafts finished and scheduled from their own list (a
// rejected one with its comment), failed posts retried by selection, each list paged
// on its own, and an expired account reconnected.
import type { Browser } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { sharedBrowser } from "./browser";
import { d1WhileStopped } from "./d1-while-stopped";
import { signUpByApi } from "./sign-up-by-api";
import { api, studio, watchErrors } from "./social-studio";
import { confirmEmailByApi, joinByInviteLink, newVisitor } from "./workspace-by-api";

const appUrl = inject("appUrl");

type Post = {
  id: string;
  status: string;
  content: string;
  scheduled_at: string | null;
  hashtags: string[];
  external_post_id: string | null;
  failure_reason: string | null;
  media_urls: string[];
};

/** A studio (see social-studio) with shortcuts to write a draft and read a post back. */
async function studioWithPosts(browser: Browser, name: string) {
  const s = await studio(browser, name);
  const draft = async (content: string, extra: object = {}) =>
    (
      await api<{ data: Post[] }>(s.context, "POST", `/workspaces/${s.workspace.id}/posts`, {
        account_ids: [s.account.id],
        content,
        ...extra,
      })
    ).data[0] as Post;
  const get = (id: string) => api<Post>(s.context, "GET", `/workspaces/${s.workspace.id}/posts/${id}`);
  return { ...s, draft, get };
}

/**
 * Posts sent now through the sandbox network, which fails them as their hashtags ask
 * (#timeout: no answer, #fail: refused): the minute cron hands them to the publish queue,
 * and the publisher leaves them as it would after a real network's answer.
 */
async function sentAndLeft(s: Awaited<ReturnType<typeof studioWithPosts>>, contents: string[], left: Post["status"]) {
  // The API takes a time up to a minute past: this minute's cron picks them up.
  const now = new Date().toISOString();
  const posts: Post[] = [];
  for (const content of contents) posts.push(await s.draft(content, { status: "scheduled", scheduled_at: now }));
  const tick = await fetch(`${appUrl}/__scheduled?cron=*+*+*+*+*`);
  expect(tick.status).toBe(200);
  for (const post of posts) {
    await expect.poll(async () => (await s.get(post.id)).status, { timeout: 20_000 }).toBe(left);
  }
  return posts;
}

describe("social posts that need a person", () => {
  const chrome = sharedBrowser();

  it("settles an unconfirmed post as live with its id, and sends another again only after a warning", async () => {
    const s = await studioWithPosts(chrome.browser, "Uri Unsure");
    chrome.keep(s.context);
    const [live, lost] = (await sentAndLeft(
      s,
      ["Maybe out already #timeout", "Maybe never left #timeout"],
      "unconfirmed",
    )) as [Post, Post];

    const page = await s.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${appUrl}/app/w/${s.workspace.id}/social?tab=failed`);
    const liveRow = page.getByTestId("failed-post").filter({ hasText: "Maybe out already" });
    await expect.poll(() => liveRow.getAttribute("data-status")).toBe("unconfirmed");
    // The row says what sending again risks before anyone presses it.
    expect(await liveRow.textContent()).toContain("posts it twice");

    // It is on the network: say so, with its id there.
    await liveRow.getByTestId("live-id").fill("urn:li:share:4242");
    await liveRow.getByRole("button", { name: "It is live" }).click();
    await liveRow.waitFor({ state: "detached" });
    expect(await s.get(live.id)).toMatchObject({ status: "published", external_post_id: "urn:li:share:4242" });

    // Not there: sending again asks first, and cancelling sends nothing.
    const lostRow = page.getByTestId("failed-post").filter({ hasText: "Maybe never left" });
    await lostRow.getByRole("button", { name: "Not live: send again" }).click();
    const dialog = page.getByTestId("confirm-dialog");
    expect(await dialog.textContent()).toContain("posts it a second time");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    expect((await s.get(lost.id)).status).toBe("unconfirmed");
    await lostRow.getByRole("button", { name: "Not live: send again" }).click();
    await dialog.getByRole("button", { name: "Send again" }).click();
    await lostRow.waitFor({ state: "detached" });
    expect((await s.get(lost.id)).status).toBe("scheduled");
    expect(await page.getByTestId("failed-posts").textContent()).toContain("Every post went out.");
    expect(errors).toEqual([]);
  });

  it("schedules a draft that had no time from the drafts list, in the workspace's zone across a DST change", async () => {
    const s = await studioWithPosts(chrome.browser, "Dora Drafts");
    chrome.keep(s.context);
    await api(s.context, "PATCH", `/workspaces/${s.workspace.id}`, { settings: { timezone: "Europe/Paris" } });
    const post = await s.draft("Spring launch, time to be decided");
    expect(post.scheduled_at).toBeNull();
    // Next year's last Sunday of March: Paris skips 02:00–03:00 and is at +02:00 after.
    const year = new Date().getUTCFullYear() + 1;
    const march31 = new Date(Date.UTC(year, 2, 31));
    const day = `${year}-03-${String(31 - march31.getUTCDay()).padStart(2, "0")}`;

    const page = await s.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${appUrl}/app/w/${s.workspace.id}/social?tab=drafts`);
    const row = page.getByTestId("draft-post").filter({ hasText: "Spring launch" });
    expect(await row.textContent()).toContain("no time");
    await row.getByRole("button", { name: "Open" }).click();
    const panel = page.getByTestId("post-panel");
    expect(await panel.textContent()).toContain("When (Europe/Paris)");

    // A time the clocks skip is pointed out, and Schedule does not send it.
    await panel.getByTestId("panel-when").fill(`${day}T02:30`);
    await expect.poll(() => panel.textContent()).toContain("does not exist in Europe/Paris");
    await panel.getByTestId("panel-schedule").click();
    await expect.poll(() => panel.getByRole("alert").first().textContent()).toMatch(/does not exist/);
    expect((await s.get(post.id)).status).toBe("draft");

    // So is a time beyond the horizon; the server refuses it with the same words.
    await panel.getByTestId("panel-when").fill(`${year + 2}-06-01T10:00`);
    await expect.poll(() => panel.textContent()).toContain("Choose a time at most two years ahead.");
    await panel.getByTestId("panel-schedule").click();
    await expect.poll(() => panel.getByRole("alert").first().textContent()).toMatch(/at most two years ahead/);
    expect((await s.get(post.id)).status).toBe("draft");

    await panel.getByTestId("panel-when").fill(`${day}T09:30`);
    await panel.locator("#panel-tags").fill("#spring launch");
    // An image added after composing, uploaded from the panel.
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(1024, 7)]);
    await panel.locator("#panel-upload").setInputFiles({ name: "spring.png", mimeType: "image/png", buffer: png });
    await expect.poll(() => panel.locator("#panel-media").inputValue()).toMatch(/\/media\/social\/.+\.png$/);
    const mediaUrl = await panel.locator("#panel-media").inputValue();
    expect(await panel.getByTestId("preview-media").locator("img").getAttribute("src")).toBe(mediaUrl);
    await panel.getByTestId("panel-schedule").click();
    await expect.poll(() => panel.locator(".card__title .badge").textContent()).toBe("scheduled");
    // Gone from the drafts list, with the time read in Paris summer time.
    await row.waitFor({ state: "detached" });
    expect(await s.get(post.id)).toMatchObject({
      status: "scheduled",
      scheduled_at: `${day}T07:30:00.000Z`,
      hashtags: ["spring", "launch"],
      media_urls: [mediaUrl],
    });

    // Back to drafts from the panel, and it is listed again.
    await panel.getByTestId("panel-unschedule").click();
    await row.waitFor();
    expect((await s.get(post.id)).status).toBe("draft");
    expect(errors).toEqual([]);
  });

  it("shows a contributor why their post was sent back, and sends it for approval again", async () => {
    const owner = await studioWithPosts(chrome.browser, "Rita Reviewer");
    chrome.keep(owner.context);
    const context = await newVisitor(chrome.browser);
    chrome.keep(context);
    const person = await signUpByApi(appUrl, { context, name: "Carl Contributor" });
    await confirmEmailByApi(appUrl, context, person.email);
    await joinByInviteLink(appUrl, owner.context, context, owner.workspace.id, "contributor");
    const at = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 16);
    const { data } = await api<{ data: Post[] }>(context, "POST", `/workspaces/${owner.workspace.id}/posts`, {
      account_ids: [owner.account.id],
      content: "A very long launch post that goes on",
      status: "scheduled",
      scheduled_at: at,
    });
    const post = data[0] as Post;
    expect(post.status).toBe("pending_approval");
    await api(owner.context, "POST", `/workspaces/${owner.workspace.id}/posts/${post.id}/reject`, {
      comment: "Shorter, please",
    });

    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${appUrl}/app/w/${owner.workspace.id}/social?tab=drafts`);
    const row = page.getByTestId("draft-post").filter({ hasText: "A very long launch post" });
    expect(await row.getByTestId("sent-back").textContent()).toBe("Sent back: Shorter, please");
    await row.getByRole("button", { name: "Open" }).click();
    const panel = page.getByTestId("post-panel");
    expect(await panel.getByTestId("review-comment").textContent()).toBe("Sent back by the reviewer: Shorter, please");
    // Their time is kept; they cannot publish, so it goes for approval.
    expect(await panel.getByTestId("panel-when").inputValue()).toBe(at);
    await expect.poll(() => panel.getByTestId("panel-schedule").textContent()).toBe("Send for approval");
    await panel.getByTestId("panel-schedule").click();
    await expect.poll(() => panel.textContent()).toContain("Sent for approval.");
    await row.waitFor({ state: "detached" });
    expect((await api<Post>(context, "GET", `/workspaces/${owner.workspace.id}/posts/${post.id}`)).status).toBe(
      "pending_approval",
    );
    // The reviewer's queue has it again.
    await page.getByRole("radio", { name: /Approvals/ }).check();
    await page.getByTestId("approval-post").filter({ hasText: "A very long launch post" }).waitFor();
    expect(errors).toEqual([]);
  });

  it("retries only the failed posts picked", async () => {
    const s = await studioWithPosts(chrome.browser, "Fay Failures");
    chrome.keep(s.context);
    const posts = await sentAndLeft(s, ["Failed one #fail", "Failed two #fail", "Failed three #fail"], "failed");

    const page = await s.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${appUrl}/app/w/${s.workspace.id}/social?tab=failed`);
    const row = (text: string) => page.getByTestId("failed-post").filter({ hasText: text });
    expect(await row("Failed two").textContent()).toContain("The sandbox refused this post");
    const retry = page.getByTestId("retry-selected");
    expect(await retry.isDisabled()).toBe(true);
    await row("Failed one").getByTestId("select-failed").check();
    await row("Failed three").getByTestId("select-failed").check();
    expect(await retry.textContent()).toBe("Retry selected (2)");
    await retry.click();
    await row("Failed one").waitFor({ state: "detached" });
    await row("Failed three").waitFor({ state: "detached" });
    await expect.poll(() => page.getByTestId("failed-posts").textContent()).toContain("2 posts will be retried");
    expect(await page.getByTestId("failed-post").count()).toBe(1);
    expect((await s.get(posts[0]?.id ?? "")).status).toBe("scheduled");
    expect((await s.get(posts[2]?.id ?? "")).status).toBe("scheduled");
    expect(await s.get(posts[1]?.id ?? "")).toMatchObject({ status: "failed" });
    expect(errors).toEqual([]);
  });

  it("pages each list on its own: a hundred drafts do not hide a failed post", async () => {
    const s = await studioWithPosts(chrome.browser, "Pia Pages");
    chrome.keep(s.context);
    await sentAndLeft(s, ["The one that failed #fail"], "failed");
    for (let i = 0; i < 120; i += 10) {
      await Promise.all(Array.from({ length: 10 }, (_, j) => s.draft(`Idea number ${i + j + 1}`)));
    }

    const page = await s.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${appUrl}/app/w/${s.workspace.id}/social?tab=failed`);
    await page.getByTestId("failed-post").filter({ hasText: "The one that failed" }).waitFor();
    expect(
      await page
        .getByRole("radio", { name: /Failed/ })
        .locator("..")
        .textContent(),
    ).toBe("Failed (1)");
    expect(
      await page
        .getByRole("radio", { name: /Drafts/ })
        .locator("..")
        .textContent(),
    ).toBe("Drafts (50+)");

    await page.getByRole("radio", { name: /Drafts/ }).check();
    const rows = page.getByTestId("draft-post");
    await expect.poll(() => rows.count()).toBe(50);
    // Newest first.
    expect(await rows.first().textContent()).toContain("Idea number");
    await page.getByTestId("load-more-drafts").click();
    await expect.poll(() => rows.count()).toBe(100);
    await page.getByTestId("load-more-drafts").click();
    await expect.poll(() => rows.count()).toBe(120);
    await page.getByTestId("load-more-drafts").waitFor({ state: "detached" });
    expect(
      await page
        .getByRole("radio", { name: /Drafts/ })
        .locator("..")
        .textContent(),
    ).toBe("Drafts (120)");
    expect(errors).toEqual([]);
  });

  it("shows when an account's access runs out and reconnects an expired one", async () => {
    const s = await studioWithPosts(chrome.browser, "Ezra Expired");
    chrome.keep(s.context);
    await d1WhileStopped(
      `UPDATE social_media_accounts SET status = 'expired', last_error = 'The refresh token was refused.', token_expires_at = '2020-01-01 00:00:00' WHERE id = '${s.account.id}'`,
    );
    const page = await s.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${appUrl}/app/w/${s.workspace.id}/social?tab=accounts`);
    const row = page.getByTestId("account-row").filter({ hasText: s.account.username });
    expect(await row.getByTestId("account-health").textContent()).toBe(
      "Expired: reconnect to keep publishing. The refresh token was refused.",
    );
    expect(await row.getByTestId("account-tokens").textContent()).toMatch(/^Access expired .*2020.* · last refreshed /);

    await row.getByRole("button", { name: "Reconnect" }).click();
    await expect.poll(() => row.getByTestId("account-health").textContent()).toBe("Connected");
    expect(await row.getByTestId("account-tokens").textContent()).toMatch(/^Access valid until .* · last refreshed /);
    expect(await row.getByRole("button", { name: "Reconnect" }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
