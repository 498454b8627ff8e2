// Someone who manages several Facebook Pages signs in once and is asked, in the app,
// which Page to connect; an old or already used choice says so and offers to sign in again.
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { fakeSocialControl } from "../fakes/fake-social-client";
import { sharedBrowser } from "./browser";
import { d1WhileStopped } from "./d1-while-stopped";
import { signUpByApi } from "./sign-up-by-api";
import { watchErrors } from "./social-studio";
import { createWorkspaceByApi, newVisitor } from "./workspace-by-api";

const appUrl = inject("appUrl");
const fake = fakeSocialControl(inject("fakeSocialUrl"));

type Account = { id: string; platform: string; username: string; account_id: string };

/**
 * Facebook's sign-in, with the fake standing in for Facebook's own page: the app sends
 * the browser out with a state, and Facebook sends it back to the callback with a code.
 */
async function signInWithFacebook(context: BrowserContext, page: Page, workspaceId: string, user: string) {
  const start = await context.request.get(
    `${appUrl}/api/v1/workspaces/${workspaceId}/social-accounts/connect/facebook`,
    {
      maxRedirects: 0,
    },
  );
  expect(start.status()).toBe(302);
  const state = new URL(start.headers().location ?? "").searchParams.get("state") ?? "";
  await page.goto(`${appUrl}/api/v1/social/callback/facebook?${new URLSearchParams({ code: user, state })}`);
  const choose = new URL(page.url()).searchParams.get("choose");
  expect(choose).toBeTruthy();
  return choose as string;
}

describe("choosing which Facebook Page to connect", () => {
  const chrome = sharedBrowser();

  it("asks which Page after signing in, connects the one chosen, and says when the choice has expired", async () => {
    const context = await newVisitor(chrome.browser);
    chrome.keep(context);
    await signUpByApi(appUrl, { context, name: "Paula Pages" });
    const workspace = await createWorkspaceByApi(appUrl, context, `Pages ${Date.now().toString(36)}`);
    const user = `pages${Date.now().toString(36)}`;
    await fake.managePages(user, 3);
    const page = await context.newPage();
    const errors = watchErrors(page);

    await signInWithFacebook(context, page, workspace.id, user);
    const dialog = page.getByTestId("choose-account");
    const candidates = dialog.getByTestId("choose-account-candidate");
    await expect.poll(() => candidates.count()).toBe(3);
    expect(await dialog.getByRole("heading").textContent()).toBe("Which Facebook account?");
    expect(await candidates.allTextContents()).toEqual([
      expect.stringContaining(`Page ${user}`),
      expect.stringContaining(`Page ${user}-2`),
      expect.stringContaining(`Page ${user}-3`),
    ]);

    // Nothing was connected by the sign-in itself; the second Page is, once chosen.
    const listAccounts = async () =>
      (
        (await (await context.request.get(`${appUrl}/api/v1/workspaces/${workspace.id}/social-accounts`)).json()) as {
          data: Account[];
        }
      ).data;
    expect(await listAccounts()).toEqual([]);
    await candidates.nth(1).getByRole("button", { name: "Connect" }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(() => new URL(page.url()).searchParams.get("choose")).toBeNull();
    await page.getByText("Connected your facebook account.").waitFor();
    const [connected] = await listAccounts();
    expect(connected).toMatchObject({ platform: "facebook", account_id: `page-${user}-2` });
    await page
      .getByTestId("account-row")
      .filter({ hasText: `@${connected?.username}` })
      .waitFor();
    expect(await page.getByTestId("account-row").count()).toBe(1);

    // Signing in again marks the Page already connected; left past its fifteen minutes,
    // the choice says it has expired and offers to sign in again instead of failing.
    const pendingId = await signInWithFacebook(context, page, workspace.id, user);
    await expect.poll(() => candidates.count()).toBe(3);
    expect(await candidates.nth(1).textContent()).toContain("already connected");
    expect(await candidates.nth(1).getByRole("button", { name: "Reconnect" }).count()).toBe(1);
    // The page leaves while the app is stopped, and comes back to the same address.
    const choosing = page.url();
    await page.goto("about:blank");
    await d1WhileStopped(`UPDATE cache SET expiration = 0 WHERE key = 'social_pending:${pendingId}'`);
    await page.goto(choosing);
    await dialog.getByTestId("choose-account-expired").waitFor();
    expect(await dialog.getByTestId("choose-account-expired").textContent()).toContain("15 minutes");
    expect(await dialog.getByRole("link", { name: "Sign in with Facebook again" }).getAttribute("href")).toBe(
      `/api/v1/workspaces/${workspace.id}/social-accounts/connect/facebook`,
    );
    expect(await candidates.count()).toBe(0);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(new URL(page.url()).searchParams.get("choose")).toBeNull();
    expect(await listAccounts()).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});
