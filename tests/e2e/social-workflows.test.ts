import { describe, expect, inject, it } from "vitest";
import { addDays, type CalendarDay, localToInstant, weekdayOf, zonedDay } from "../../worker/lib/zoned-time";
import { sharedBrowser } from "./browser";
import { d1WhileStopped } from "./d1-while-stopped";
import { signUpByApi } from "./sign-up-by-api";
import { api, studio, watchErrors } from "./social-studio";
import { confirmEmailByApi, joinByInviteLink, newVisitor } from "./workspace-by-api";

const appUrl = inject("appUrl");

type Post = { id: string; status: string; scheduled_at: string | null; media_urls: string[]; created_by: string };

const day = (at: Date) => at.toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, "0");

describe("social workflows in the app", () => {
  const chrome = sharedBrowser();

  it("moves a post to another day by dragging it on the calendar, keeping its time", async () => {
    const { context, workspace, account } = await studio(chrome.browser, "Dana Dragger");
    chrome.keep(context);
    // Tomorrow 09:30 UTC (the workspace's zone), moved to the day after.
    const at = new Date();
    at.setUTCDate(at.getUTCDate() + 1);
    at.setUTCHours(9, 30, 0, 0);
    const target = new Date(at.getTime() + 86_400_000);
    const { data } = await api<{ data: Post[] }>(context, "POST", `/workspaces/${workspace.id}/posts`, {
      account_ids: [account.id],
      content: "Drag me along",
      status: "scheduled",
      scheduled_at: at.toISOString(),
    });
    const post = data[0] as Post;

    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${appUrl}/app/w/${workspace.id}/social?tab=calendar`);
    const chip = page.getByTestId("calendar-post").filter({ hasText: "Drag me along" });
    await expect.poll(() => chip.evaluate((el) => el.closest("fieldset")?.dataset.day)).toBe(day(at));
    await chip.dragTo(page.locator(`fieldset[data-day="${day(target)}"]`));
    await expect.poll(() => chip.evaluate((el) => el.closest("fieldset")?.dataset.day)).toBe(day(target));

    // Saved: the API has the new day at the same time of day.
    await expect
      .poll(async () => (await api<Post>(context, "GET", `/workspaces/${workspace.id}/posts/${post.id}`)).scheduled_at)
      .toBe(target.toISOString());
    // And it stays there after a reload.
    await page.reload();
    await expect.poll(() => chip.evaluate((el) => el.closest("fieldset")?.dataset.day)).toBe(day(target));
    expect(errors).toEqual([]);
  });

  it("moves a post to another day and hour in the week's hour grid, in the workspace's time zone", async () => {
    const { context, workspace, account } = await studio(chrome.browser, "Wes Weekly");
    chrome.keep(context);
    const zone = "America/New_York";
    await api(context, "PATCH", `/workspaces/${workspace.id}`, { settings: { timezone: zone } });
    // A day soon at 09:30 in New York, moved to the next day at 14:30 there; both in one
    // week (weeks start on Monday, so the first is never a Sunday).
    let tomorrow = addDays(zonedDay(new Date(), zone), 1);
    if (weekdayOf(tomorrow) === 0) tomorrow = addDays(tomorrow, 1);
    const after = addDays(tomorrow, 1);
    const local = (d: CalendarDay) => `${d.year}-${pad(d.month)}-${pad(d.day)}`;
    const { data } = await api<{ data: Post[] }>(context, "POST", `/workspaces/${workspace.id}/posts`, {
      account_ids: [account.id],
      content: "Move my hour",
      status: "scheduled",
      scheduled_at: `${local(tomorrow)}T09:30`,
    });
    const post = data[0] as Post;

    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${appUrl}/app/w/${workspace.id}/social?tab=calendar`);
    await page.getByRole("radio", { name: "Week" }).check();
    const grid = page.getByTestId("week-grid");
    const cell = (d: CalendarDay, hour: string) =>
      grid.locator(`fieldset[data-day="${local(d)}"][data-hour="${hour}"]`);
    // The days may be in the next week.
    if ((await cell(tomorrow, "09").count()) === 0) await page.getByRole("button", { name: "Next" }).click();
    const chip = cell(tomorrow, "09").getByTestId("calendar-post").filter({ hasText: "09:30 Move my hour" });
    await chip.waitFor();
    await chip.dragTo(cell(after, "14"));
    await cell(after, "14").getByTestId("calendar-post").filter({ hasText: "14:30 Move my hour" }).waitFor();

    const expected = localToInstant({ ...after, hour: 14, minute: 30 }, zone)?.toISOString();
    await expect
      .poll(async () => (await api<Post>(context, "GET", `/workspaces/${workspace.id}/posts/${post.id}`)).scheduled_at)
      .toBe(expected);
    expect(errors).toEqual([]);
  });

  it("sends a contributor's post to an editor, who approves it; nobody approves their own", async () => {
    const owner = await studio(chrome.browser, "Olga Owner");
    chrome.keep(owner.context);
    const join = async (name: string, role: "editor" | "contributor") => {
      const context = await newVisitor(chrome.browser);
      chrome.keep(context);
      const person = await signUpByApi(appUrl, { context, name });
      await confirmEmailByApi(appUrl, context, person.email);
      await joinByInviteLink(appUrl, owner.context, context, owner.workspace.id, role);
      return { context, person };
    };
    const contributor = await join("Cora Contributor", "contributor");
    const editor = await join("Eddie Editor", "editor");

    // The contributor writes a post in the composer; it goes for approval, not out.
    const page = await contributor.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${appUrl}/app/w/${owner.workspace.id}/social?tab=compose`);
    await page.getByTestId(`pick-${owner.account.username}`).check();
    await page.getByTestId("post-content").fill("Please check my launch post");
    const when = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 16);
    await page.getByTestId("post-when").fill(when);
    await expect.poll(() => page.getByTestId("schedule-post").textContent()).toBe("Send for approval");
    await page.getByTestId("schedule-post").click();
    await page.getByRole("radio", { name: /Approvals/ }).check();
    const mine = page.getByTestId("approvals").getByRole("listitem").filter({ hasText: "Please check my launch post" });
    await mine.waitFor();
    // Their own post: no way to approve it here.
    expect(await mine.getByRole("button", { name: "Approve" }).count()).toBe(0);
    const { data: pending } = await api<{ data: Post[] }>(
      contributor.context,
      "GET",
      `/workspaces/${owner.workspace.id}/posts?status=pending_approval`,
    );
    const post = pending.find((p) => p.status === "pending_approval") as Post;
    expect(post).toBeDefined();
    // …nor through the API.
    const self = await contributor.context.request.post(
      `${appUrl}/api/v1/workspaces/${owner.workspace.id}/posts/${post.id}/approve`,
      { data: {} },
    );
    expect(self.status()).toBe(403);

    // The editor sees it waiting and approves it with a comment.
    const review = await editor.context.newPage();
    const reviewErrors = watchErrors(review);
    await review.goto(`${appUrl}/app/w/${owner.workspace.id}/social?tab=approvals`);
    const waiting = review
      .getByTestId("approvals")
      .getByRole("listitem")
      .filter({ hasText: "Please check my launch post" });
    await waiting.getByPlaceholder(/Comment/).fill("Looks good");
    await waiting.getByRole("button", { name: "Approve" }).click();
    await waiting.waitFor({ state: "detached" });
    await expect.poll(() => review.getByTestId("approvals").textContent()).toContain("Nothing waits for approval.");

    const approved = await api<Post & { approved_by: string; review_comment: string }>(
      owner.context,
      "GET",
      `/workspaces/${owner.workspace.id}/posts/${post.id}`,
    );
    expect(approved).toMatchObject({ status: "scheduled", review_comment: "Looks good" });
    expect(approved.approved_by).not.toBe(post.created_by);
    // The contributor's open tab hears of it on the live feed: the queue empties there too.
    await mine.waitFor({ state: "detached" });
    expect([...errors, ...reviewErrors]).toEqual([]);
  });

  it("uploads an image in the composer with a progress bar and attaches it to the post", async () => {
    const { context, workspace, account } = await studio(chrome.browser, "Uma Uploader");
    chrome.keep(context);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${appUrl}/app/w/${workspace.id}/social?tab=compose`);
    await page.getByTestId(`pick-${account.username}`).check();
    await page.getByTestId("post-content").fill("With a picture");

    // Slow the upload down so the progress bar has time to show, and record what it shows.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 256 * 1024,
    });
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { progressSeen: number[] }).progressSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector("progress[aria-label='Upload progress']") as HTMLProgressElement | null;
        if (bar) seen.push(bar.value);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    // A PNG signature and ~600 KB after it: the server stores what it is given.
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(600 * 1024, 7),
    ]);
    await page.locator("#post-upload").setInputFiles({ name: "launch.png", mimeType: "image/png", buffer: png });
    await page.locator("progress[aria-label='Upload progress']").waitFor();
    await expect
      .poll(() => page.locator("#post-media").inputValue(), { timeout: 30_000 })
      .toMatch(/\/media\/social\/.+\.png$/);
    await page.locator("progress[aria-label='Upload progress']").waitFor({ state: "detached" });
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
    expect(seen.some((v) => v > 0 && v < 100)).toBe(true);

    const url = await page.locator("#post-media").inputValue();
    // The preview shows what is attached.
    expect(
      await page.getByTestId("preview-linkedin").getByTestId("preview-media").locator("img").getAttribute("src"),
    ).toBe(url);
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByTestId("calendar").waitFor();
    const { data } = await api<{ data: Post[] }>(context, "GET", `/workspaces/${workspace.id}/posts?status=draft`);
    expect(data[0]?.media_urls).toEqual([url]);
    // The networks can fetch it: the same bytes at the public URL.
    const served = await fetch(url);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
    expect(errors).toEqual([]);
  });

  it("charts an account's engagement per day and a published post's numbers, with empty states", async () => {
    const { context, workspace, account } = await studio(chrome.browser, "Nia Numbers");
    chrome.keep(context);
    const quiet = await api<{ id: string; username: string }>(
      context,
      "POST",
      `/workspaces/${workspace.id}/social-accounts/sandbox`,
      { platform: "twitter" },
    );
    const create = async (content: string) =>
      (
        await api<{ data: Post[] }>(context, "POST", `/workspaces/${workspace.id}/posts`, {
          account_ids: [account.id],
          content,
        })
      ).data[0] as Post;
    const published = await create("Went out yesterday");
    await create("Still a draft");
    // What the publisher and two days of metrics syncs leave behind (no network to wait for here).
    const yesterday = new Date(Date.now() - 86_400_000);
    const sqlTime = (d: Date) => d.toISOString().slice(0, 19).replace("T", " ");
    const metrics = {
      likes: 12,
      comments: 3,
      impressions: 480,
      synced_at: new Date().toISOString(),
      history: [
        { date: day(yesterday), values: { likes: 5, comments: 1, impressions: 200 } },
        { date: day(new Date()), values: { likes: 12, comments: 3, impressions: 480 } },
      ],
    };
    await d1WhileStopped(
      `UPDATE social_media_posts SET status = 'published', scheduled_at = '${sqlTime(yesterday)}', published_at = '${sqlTime(yesterday)}', external_post_id = 'sandbox-${published.id}', metrics_synced_at = '${sqlTime(new Date())}', engagement_metrics = '${JSON.stringify(metrics)}' WHERE id = '${published.id}'`,
    );

    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${appUrl}/app/w/${workspace.id}/social?tab=accounts`);
    const row = page.getByTestId("account-row").filter({ hasText: account.username });
    await row.getByTestId("account-engagement-toggle").click();
    const figures = row.getByTestId("account-figures");
    await expect.poll(() => figures.locator("[data-metric='posts']").textContent()).toBe("1");
    expect(await figures.locator("[data-metric='likes']").textContent()).toBe("12");
    // Thirty days, one point each; yesterday holds the post's likes.
    const chart = row.getByTestId("account-chart");
    expect(await chart.getByTestId("chart-point").count()).toBe(30);
    expect(await chart.locator("title").allTextContents()).toContain(`${day(yesterday)}: 12 likes`);
    // Another metric, another line.
    await row.getByRole("radio", { name: "impressions" }).check();
    expect(await chart.locator("title").allTextContents()).toContain(`${day(yesterday)}: 480 impressions`);
    await row.getByRole("radio", { name: "7 days" }).check();
    await expect.poll(() => chart.getByTestId("chart-point").count()).toBe(7);

    // An account that has published nothing says so instead of drawing a flat line.
    const quietRow = page.getByTestId("account-row").filter({ hasText: quiet.username });
    await quietRow.getByTestId("account-engagement-toggle").click();
    await quietRow.getByTestId("account-engagement-empty").waitFor();
    expect(await quietRow.getByTestId("account-chart").count()).toBe(0);

    // The post: its latest numbers and their course over the two days.
    await page.getByRole("radio", { name: "Calendar" }).check();
    await page.getByTestId("calendar-post").filter({ hasText: "Went out yesterday" }).click();
    const panel = page.getByTestId("post-panel");
    await expect
      .poll(() => panel.getByTestId("post-figures").locator("[data-metric='likes']").textContent())
      .toBe("12");
    expect(await panel.getByTestId("post-figures").locator("[data-metric='impressions']").textContent()).toBe("480");
    expect(await panel.getByTestId("post-chart").locator("title").allTextContents()).toEqual([
      `${day(yesterday)}: 5 likes`,
      `${day(new Date())}: 12 likes`,
    ]);
    expect(errors).toEqual([]);
  });
});
