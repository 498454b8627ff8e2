import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";
import { PASSWORD, signUpByApi, uniqueEmail } from "./sign-up-by-api";

const appUrl = inject("appUrl");

describe("signing up, confirming, signing in and out", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  // A fresh context per test: its own cookies, so one story's session never leaks into the next.
  const open = async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    pageErrors = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    return page;
  };

  afterEach(async () => {
    await context?.close();
  });

  const signInThroughForm = async (email: string, password: string) => {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
  };

  it("signs a new person up, confirms their email from the outbox, signs out and back in", async () => {
    await open();
    const email = uniqueEmail("grace");

    await page.goto(`${appUrl}/app/signup`);
    await page.getByLabel("Name").fill("Grace Hopper");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();

    // Someone new has no workspace yet: the app asks for a first one.
    await page.waitForURL(`${appUrl}/app/workspaces/new`);
    const banner = page.getByTestId("verify-email-banner");
    await banner.waitFor();
    expect(await banner.textContent()).toContain(`Confirm your email — we sent a link to ${email}`);
    expect(await page.getByTestId("user-menu").textContent()).toContain("Grace Hopper");

    // The confirmation mail waits in the dev outbox; its link is followed from the text part.
    await page.goto(`${appUrl}/app/dev/outbox`);
    await page.getByTestId("outbox-list").getByRole("button").filter({ hasText: email }).first().click();
    const preview = page.getByTestId("mail-preview");
    await preview.getByRole("heading", { name: "Confirm your email address" }).waitFor();
    expect(await preview.textContent()).toContain(email);
    expect(await preview.locator("iframe").getAttribute("sandbox")).toBe("");
    await preview.getByTestId("mail-text").getByRole("link").first().click();

    await page.waitForURL(/\/app\/verify-email\?token=/);
    await page.getByTestId("email-confirmed").waitFor();
    expect(await page.getByTestId("email-confirmed").textContent()).toContain(email);
    await page.getByRole("link", { name: "Continue to Mewayz" }).click();
    await page.waitForURL(`${appUrl}/app/workspaces/new`);
    await page.getByTestId("new-workspace").waitFor();
    expect(await page.getByTestId("verify-email-banner").count()).toBe(0);

    await page.getByTestId("user-menu").click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await page.waitForURL(`${appUrl}/app/login`);

    await signInThroughForm(email, PASSWORD);
    await page.waitForURL(`${appUrl}/app/workspaces/new`);
    await page.getByTestId("new-workspace").waitFor();
    expect(await page.getByTestId("user-menu").textContent()).toContain("Grace Hopper");
    expect(await page.getByTestId("verify-email-banner").count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it("says so when the password is wrong, and keeps what was typed", async () => {
    const { email } = await signUpByApi(appUrl);
    await open();
    await page.goto(`${appUrl}/app/login`);
    await page.screenshot({ path: "/tmp/sign-in.png" });

    await signInThroughForm(email, "not-the-password");
    await page.getByRole("alert").getByText("The email or password is incorrect.").waitFor();
    expect(await page.getByLabel("Email").inputValue()).toBe(email);
    expect(await page.getByLabel("Password", { exact: true }).inputValue()).toBe("not-the-password");
    expect(page.url()).toBe(`${appUrl}/app/login`);
    await page.screenshot({ path: "/tmp/sign-in-error.png" });
    expect(pageErrors).toEqual([]);
  });

  it("sends a signed-out visitor of a settings page to sign in, and back there afterwards", async () => {
    const { email } = await signUpByApi(appUrl, { name: "Katherine Johnson" });
    await open();
    await page.goto(`${appUrl}/app/settings/profile`);
    await page.waitForURL(`${appUrl}/app/login?redirect=%2Fapp%2Fsettings%2Fprofile`);

    await signInThroughForm(email, PASSWORD);
    await page.waitForURL(`${appUrl}/app/settings/profile`);
    const form = page.getByTestId("profile-form");
    await form.waitFor();
    expect(await page.getByLabel("Name").inputValue()).toBe("Katherine Johnson");

    // A change is saved, shows as saved, and is what the API now says.
    await page.getByLabel("Name").fill("Katherine G. Johnson");
    await page.getByRole("radio", { name: "Dark" }).check();
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByTestId("profile-saved").waitFor();
    expect(await page.getByTestId("user-menu").textContent()).toContain("Katherine G. Johnson");
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    const me = await context.request.get(`${appUrl}/api/v1/auth/me`);
    const { user } = (await me.json()) as { user: { name: string; preferences: { theme?: string } } };
    expect(user.name).toBe("Katherine G. Johnson");
    expect(user.preferences.theme).toBe("dark");

    // A refused value is shown next to its input, and nothing typed is lost.
    await page.getByRole("radio", { name: "Light" }).check();
    await page.getByLabel("Avatar URL").fill("http://example.com/me.png");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Use an https:// address.").waitFor();
    expect(await page.getByLabel("Avatar URL").inputValue()).toBe("http://example.com/me.png");
    await page.getByLabel("Avatar URL").fill("");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByTestId("profile-saved").waitFor();
    // A tall window rather than fullPage: a full-page capture pins the sticky sidebar to the bottom.
    await page.setViewportSize({ width: 1280, height: 1640 });
    await page.screenshot({ path: "/tmp/profile.png" });
    expect(pageErrors).toEqual([]);
  });

  it("creates an API token, shows its plain text once, and the token works on the API", async () => {
    await open();
    const { email } = await signUpByApi(appUrl, { context, name: "Token Maker" });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: appUrl });
    await page.goto(`${appUrl}/app/settings/tokens`);
    await page.getByText("No API tokens yet").waitFor();

    await page.getByRole("button", { name: "Create token" }).first().click();
    const dialog = page.getByTestId("create-token-dialog");
    await dialog.getByLabel("Name").fill("CI script");
    await dialog.getByLabel("CRM: write").check();
    expect(await dialog.getByLabel("CRM: read").isChecked()).toBe(true);
    await dialog.getByRole("radio", { name: "90 days" }).check();
    await dialog.getByRole("button", { name: "Create token" }).click();

    const plain = dialog.getByTestId("token-plain-text");
    await plain.waitFor();
    const secret = await plain.inputValue();
    expect(secret).toMatch(/^\d+\|mwz_\w+$/);
    await dialog.getByRole("button", { name: "Copy" }).click();
    await dialog.getByRole("button", { name: "Copied" }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await page.screenshot({ path: "/tmp/tokens-created.png" });
    await dialog.getByRole("button", { name: "Done" }).click();

    // The secret is gone from the page; the list shows what the token may do and when it ends.
    expect(await page.getByTestId("token-plain-text").count()).toBe(0);
    const row = page.getByTestId("token-row").filter({ hasText: "CI script" });
    await row.waitFor();
    const rowText = await row.textContent();
    expect(rowText).toContain("crm:write");
    expect(rowText).toContain("account:read");
    expect(rowText).toContain("Expires in 3 months");
    expect(rowText).toContain("Never used");

    const me = await fetch(`${appUrl}/api/v1/auth/me`, { headers: { Authorization: `Bearer ${secret}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe(email);

    await page.reload();
    await row.getByText(/Last used/).waitFor();
    await page.screenshot({ path: "/tmp/tokens.png", fullPage: true });

    await row.getByRole("button", { name: "Revoke CI script" }).click();
    await page.getByTestId("confirm-dialog").getByRole("button", { name: "Revoke token" }).click();
    await page.getByText("No API tokens yet").waitFor();
    const after = await fetch(`${appUrl}/api/v1/auth/me`, { headers: { Authorization: `Bearer ${secret}` } });
    expect(after.status).toBe(401);
    expect(pageErrors).toEqual([]);
  });
});
