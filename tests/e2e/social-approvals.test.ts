import { describe, expect, inject, it } from "vitest";
import { sharedBrowser } from "./browser";
import { signUpByApi } from "./sign-up-by-api";
import { api, watchErrors } from "./social-studio";
import { confirmEmailByApi, createWorkspaceByApi, joinByInviteLink, newVisitor } from "./workspace-by-api";

const appUrl = inject("appUrl");

type Post = { id: string; status: string; content: string; scheduled_at: string | null };

describe("approving posts whose time has passed", () => {
  const chrome = sharedBrowser();

  it("offers Publish now or a new time for a past-due post, and a plain Approve for one still ahead", async () => {
    const ownerContext = await newVisitor(chrome.browser);
    chrome.keep(ownerContext);
    await signUpByApi(appUrl, { context: ownerContext, name: "Olga Owner" });
    const workspace = await createWorkspaceByApi(appUrl, ownerContext, `Late posts ${Date.now().toString(36)}`);
    const account = await api<{ id: string }>(
      ownerContext,
      "POST",
      `/workspaces/${workspace.id}/social-accounts/sandbox`,
      {
        platform: "linkedin",
      },
    );
    const context = await newVisitor(chrome.browser);
    chrome.keep(context);
    const contributor = await signUpByApi(appUrl, { context, name: "Cora Contributor" });
    await confirmEmailByApi(appUrl, context, contributor.email);
    await joinByInviteLink(appUrl, ownerContext, context, workspace.id, "contributor");

    const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
    // A time that has just passed: the API still takes it (a minute of grace for the
    // click), and by the time an editor looks, the post's time is behind it.
    const justPassed = () => new Date(Date.now() - 30_000).toISOString();
    const send = async (content: string, at: string) =>
      (
        await api<{ data: Post[] }>(context, "POST", `/workspaces/${workspace.id}/posts`, {
          account_ids: [account.id],
          content,
          status: "scheduled",
          scheduled_at: at,
        })
      ).data[0] as Post;
    const late = await send("Waited too long, send it", justPassed());
    const moved = await send("Waited too long, move it", justPassed());
    await send("Still on time", inHours(2));
    expect(late.status).toBe("pending_approval");

    const page = await ownerContext.newPage();
    const errors = watchErrors(page);
    await page.goto(`${appUrl}/app/w/${workspace.id}/social?tab=approvals`);
    const item = (text: string) => page.getByTestId("approvals").getByRole("listitem").filter({ hasText: text });
    await item("Still on time").waitFor();

    // A post still ahead is approved as it is; past-due ones offer no plain Approve.
    expect(await item("Still on time").getByRole("button", { name: "Approve", exact: true }).count()).toBe(1);
    for (const text of ["Waited too long, send it", "Waited too long, move it"]) {
      expect(await item(text).getByRole("button", { name: "Approve", exact: true }).count()).toBe(0);
      expect(await item(text).getByTestId("approval-overdue").textContent()).toBe("time passed");
    }

    // Publish now: approved, and out at the next minute's cron.
    await item("Waited too long, send it").getByRole("button", { name: "Publish now" }).click();
    await item("Waited too long, send it").waitFor({ state: "detached" });
    const sent = await api<Post>(ownerContext, "GET", `/workspaces/${workspace.id}/posts/${late.id}`);
    expect(["scheduled", "publishing", "published"]).toContain(sent.status);
    expect(new Date(sent.scheduled_at ?? 0).getTime()).toBeLessThanOrEqual(Date.now());

    // A new time, picked in the workspace's zone (UTC here): a time already past is refused here first.
    const row = item("Waited too long, move it");
    await row.getByRole("button", { name: "Pick a new time" }).click();
    const field = row.locator(`[data-testid="approve-time-${moved.id}"]`);
    expect(await row.getByText("When (UTC)").count()).toBe(1);
    await field.fill(new Date(Date.now() - 2 * 3_600_000).toISOString().slice(0, 16));
    await row.getByTestId("approve-at").click();
    await expect.poll(() => page.getByTestId("approvals").textContent()).toContain("That time has passed too");
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 16);
    await field.fill(tomorrow);
    await row.getByTestId("approve-at").click();
    await row.waitFor({ state: "detached" });
    const rescheduled = await api<Post>(ownerContext, "GET", `/workspaces/${workspace.id}/posts/${moved.id}`);
    expect(rescheduled.status).toBe("scheduled");
    expect(rescheduled.scheduled_at?.slice(0, 16)).toBe(tomorrow);

    await item("Still on time").getByRole("button", { name: "Approve", exact: true }).click();
    await expect.poll(() => page.getByTestId("approvals").textContent()).toContain("Nothing waits for approval.");
    expect(errors).toEqual([]);
  });
});
