// Workspaces in the app against the real worker: a first workspace, the switcher, the
// settings cards, members and invitations (the invited person's side included), activity.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";
import { PASSWORD, signUpByApi, uniqueEmail } from "./sign-up-by-api";
import { confirmEmailByApi, createWorkspaceByApi, newVisitor } from "./workspace-by-api";

const appUrl = inject("appUrl");

/** Names unique to this run, so slugs never collide with another test's. */
const suffix = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

describe("workspaces in the app", () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
    expect(pageErrors).toEqual([]);
    pageErrors = [];
  });

  const open = async (height = 900): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await newVisitor(browser, { width: 1280, height });
    contexts.push(context);
    const page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    return { context, page };
  };

  it("creates a first workspace at a suggested address, switches workspaces, and /app/ reopens the last one", async () => {
    const { context, page } = await open();
    await signUpByApi(appUrl, { context, name: "Ada Lovelace" });
    const name = `Northwind ${suffix()}`;
    const slug = name.toLowerCase().replace(" ", "-");

    await page.goto(`${appUrl}/app/`);
    await page.waitForURL(`${appUrl}/app/workspaces/new`);
    await page.getByRole("heading", { name: "Create your first workspace" }).waitFor();
    await page.getByLabel("Name").fill(name);
    // The address follows the name, as the API suggests it.
    await expect.poll(() => page.getByLabel("Address").inputValue()).toBe(slug);
    await page.getByRole("button", { name: "Create workspace" }).click();
    await page.waitForURL(/\/app\/w\/[0-9a-f-]{36}$/);
    const first = page.url();
    await page.getByTestId("api-health").waitFor();
    expect(await page.getByTestId("workspace-name").textContent()).toBe(name);

    // A second one from the switcher: an address that is taken offers a free one.
    await page.getByTestId("workspace-switcher").click();
    await page.getByRole("menuitem", { name: "Create workspace" }).click();
    const dialog = page.getByTestId("create-workspace-dialog");
    await dialog.getByLabel("Name").fill(`Second ${name}`);
    await dialog.getByLabel("Address").fill(slug);
    const suggestion = dialog.getByTestId("slug-suggestion");
    await suggestion.waitFor();
    expect(await suggestion.textContent()).toContain(`${slug}-2 is free`);
    await page.screenshot({ path: "/tmp/workspace-create-dialog.png" });
    await suggestion.getByRole("button", { name: "Use it" }).click();
    expect(await dialog.getByLabel("Address").inputValue()).toBe(`${slug}-2`);
    await dialog.getByRole("button", { name: "Create workspace" }).click();
    await page.waitForURL((url) => /\/app\/w\/[0-9a-f-]{36}$/.test(url.pathname) && url.href !== first);
    const second = page.url();
    await page
      .getByTestId("workspace-name")
      .filter({ hasText: `Second ${name}` })
      .waitFor();

    await page.getByTestId("workspace-switcher").click();
    const menu = page.getByRole("menu", { name: "Workspaces" });
    expect(await menu.getByRole("menuitem").filter({ hasText: "Owner" }).count()).toBe(2);
    await page.screenshot({ path: "/tmp/workspace-switcher.png" });

    // /app/ opens the workspace used last on this device.
    await page.goto(`${appUrl}/app/`);
    await page.waitForURL(second);
    await page.getByTestId("workspace-switcher").click();
    await menu.getByRole("menuitem", { name: name, exact: false }).first().click();
    await page.waitForURL(first);
    await page.goto(`${appUrl}/app/`);
    await page.waitForURL(first);
  });

  it("saves the settings cards, previews the branding, and deletes the workspace after typing its address", async () => {
    const { context, page } = await open(2200);
    await signUpByApi(appUrl, { context, name: "Ada Lovelace" });
    const workspace = await createWorkspaceByApi(appUrl, context, `Settings ${suffix()}`);
    await page.goto(`${appUrl}/app/w/${workspace.id}/settings`);
    await page.getByTestId("workspace-settings").waitFor();

    const general = page.getByTestId("settings-general");
    await general.getByLabel("Name").fill("Analytical Engines");
    await general.getByLabel("Description").fill("Looms for numbers.");
    await general.getByRole("button", { name: "Save" }).click();
    await page.getByTestId("settings-general-saved").waitFor();
    // The sidebar shows the change at once.
    await page.getByTestId("workspace-name").filter({ hasText: "Analytical Engines" }).waitFor();

    const branding = page.getByTestId("settings-branding");
    await branding.getByLabel("Primary", { exact: true }).fill("#0f766e");
    await branding.getByLabel("Font").selectOption("Lora");
    const link = page.getByTestId("brand-preview").getByText("Latest video");
    await expect.poll(() => link.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(15, 118, 110)");
    await branding.getByRole("button", { name: "Save" }).click();
    await page.getByTestId("settings-branding-saved").waitFor();

    const preferences = page.getByTestId("settings-preferences");
    await preferences.getByLabel("Time zone").selectOption("Europe/Paris");
    await preferences.getByLabel("New posting time").fill("09:30");
    await preferences.getByRole("button", { name: "Add time" }).click();
    await preferences.getByRole("button", { name: "Save" }).click();
    await page.getByTestId("settings-preferences-saved").waitFor();
    await page.screenshot({ path: "/tmp/workspace-settings.png" });

    const saved = (await (await context.request.get(`${appUrl}/api/v1/workspaces/${workspace.id}`)).json()) as {
      name: string;
      description: string;
      branding: Record<string, unknown>;
      settings: Record<string, unknown>;
    };
    expect(saved.name).toBe("Analytical Engines");
    expect(saved.description).toBe("Looms for numbers.");
    expect(saved.branding).toMatchObject({ primary_color: "#0f766e", font: "Lora" });
    expect(saved.settings).toMatchObject({ timezone: "Europe/Paris", posting_slots: ["09:30"] });

    // Deleting asks for the address; the person lands where a workspace can be made again.
    await page.getByRole("button", { name: "Delete workspace…" }).click();
    const dialog = page.getByTestId("delete-workspace-dialog");
    const confirm = dialog.getByRole("button", { name: "Delete workspace" });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel("Workspace address").fill(workspace.slug);
    await confirm.click();
    await page.waitForURL(`${appUrl}/app/workspaces/new`);
    expect(await page.getByTestId("flash").textContent()).toContain("Analytical Engines was deleted.");
    const gone = await context.request.get(`${appUrl}/api/v1/workspaces/${workspace.id}`);
    expect(gone.status()).toBe(404);
  });

  it("invites by email and by link; the invited person signs in from the email and joins", async () => {
    const { context: owner, page } = await open(1600);
    await signUpByApi(appUrl, { context: owner, name: "Ada Lovelace" });
    const workspace = await createWorkspaceByApi(appUrl, owner, `Team ${suffix()}`);
    // Grace has an account, and is signed out in the browser she opens the invitation in.
    const { context: signUp } = await open();
    const invitee = await signUpByApi(appUrl, { context: signUp, name: "Grace Hopper" });

    await page.goto(`${appUrl}/app/w/${workspace.id}/members`);
    await page.getByTestId("member-row").first().waitFor();

    // Invite someone who will not come, and take it back.
    const stranger = uniqueEmail("stranger");
    await page.getByLabel("Email", { exact: true }).fill(stranger);
    await page.getByRole("button", { name: "Send invitation" }).click();
    await page.getByTestId("invitation-sent").waitFor();
    await page.getByRole("button", { name: `Revoke the invitation to ${stranger}` }).click();
    await page.getByTestId("confirm-dialog").getByRole("button", { name: "Revoke invitation" }).click();
    await expect.poll(() => page.getByTestId("invitation-row").filter({ hasText: stranger }).count()).toBe(0);

    // Invite Grace as a contributor, with a note.
    await page.getByLabel("Email", { exact: true }).fill(invitee.email);
    await page.getByLabel("Role", { exact: true }).selectOption("contributor");
    await page.getByLabel("Personal note (optional)").fill("Come and help with the notes.");
    await page.getByRole("button", { name: "Send invitation" }).click();
    await page.getByTestId("invitation-row").filter({ hasText: invitee.email }).waitFor();

    // The invite link is shown once, with its role.
    await page.getByLabel("Role for people who join with the link").selectOption("viewer");
    await page.getByRole("button", { name: "Create link" }).click();
    const url = await page.getByTestId("invite-link-url").inputValue();
    expect(url).toMatch(/\/app\/join\/[\w-]+$/);
    expect(await page.getByTestId("invite-link-state").textContent()).toContain("people join as Viewer");
    await page.screenshot({ path: "/tmp/members-owner.png" });

    // The invitation link from the email, opened by the owner: it names the invited address.
    const mail = (await (
      await owner.request.get(`${appUrl}/api/v1/dev/outbox?to=${encodeURIComponent(invitee.email)}`)
    ).json()) as { data: { subject: string; text: string }[] };
    const invitation = mail.data.find((m) => m.subject.includes("invited you"));
    const link = /https?:\/\/\S+\/app\/invitations\/[\w-]+/.exec(invitation?.text ?? "")?.[0];
    expect(link, "the invitation mail carries its link").toBeDefined();
    await page.goto(link ?? "");
    await page.getByTestId("invitation-wrong-account").waitFor();
    expect(await page.getByTestId("invitation-wrong-account").textContent()).toContain(invitee.email);

    // Grace opens it signed out: sign in first, then back to the invitation, then join.
    const { context: guest, page: guestPage } = await open();
    await guestPage.goto(link ?? "");
    await guestPage.getByTestId("sign-in-first").getByRole("link", { name: "Sign in" }).click();
    await guestPage.waitForURL(/\/app\/login\?redirect=/);
    await guestPage.getByLabel("Email", { exact: true }).fill(invitee.email);
    await guestPage.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await guestPage.getByRole("button", { name: "Sign in", exact: true }).click();
    await guestPage.waitForURL(link ?? "");
    const preview = guestPage.getByTestId("invitation");
    await preview.waitFor();
    expect(await preview.textContent()).toContain("Ada Lovelace invited you to join as Contributor");
    expect(await preview.textContent()).toContain("Come and help with the notes.");
    // Joining needs a confirmed address; the page says so until it is.
    await guestPage.getByText("Confirm your email address").waitFor();
    await confirmEmailByApi(appUrl, guest, invitee.email);
    await guestPage.reload();
    await guestPage.screenshot({ path: "/tmp/invitation.png" });
    await guestPage.getByRole("button", { name: `Join ${workspace.name}` }).click();
    await guestPage.waitForURL(`${appUrl}/app/w/${workspace.id}`);
    expect(await guestPage.getByTestId("flash").textContent()).toContain(`Welcome to ${workspace.name}`);
    expect(await guestPage.getByTestId("workspace-switcher").textContent()).toContain("Contributor");

    // The owner sees Grace among the members and makes her an editor.
    await page.goto(`${appUrl}/app/w/${workspace.id}/members`);
    const row = page.getByTestId("member-row").filter({ hasText: invitee.email });
    await row.waitFor();
    await row.getByLabel("Role of Grace Hopper").selectOption("editor");
    await expect
      .poll(async () => {
        const members = (await (
          await owner.request.get(`${appUrl}/api/v1/workspaces/${workspace.id}/members`)
        ).json()) as { data: { role: string; user: { email: string } }[] };
        return members.data.find((m) => m.user.email === invitee.email)?.role;
      })
      .toBe("editor");
    expect(await page.getByTestId("invitation-row").count()).toBe(0);
    await page.screenshot({ path: "/tmp/members.png" });
  });

  it("lists the activity newest first, filters it, loads more on scroll and exports CSV", async () => {
    const { context, page } = await open();
    await signUpByApi(appUrl, { context, name: "Ada Lovelace" });
    const workspace = await createWorkspaceByApi(appUrl, context, `Busy ${suffix()}`);
    // More entries than one page holds (30).
    for (let i = 1; i <= 32; i++) {
      const response = await context.request.patch(`${appUrl}/api/v1/workspaces/${workspace.id}`, {
        data: { description: `Version ${i}` },
      });
      expect(response.status()).toBe(200);
    }

    await page.goto(`${appUrl}/app/w/${workspace.id}/activity`);
    const entries = page.getByTestId("activity-entry");
    await entries.first().waitFor();
    expect(await entries.count()).toBe(30);
    await page.getByTestId("activity-feed").locator(".feed__end").scrollIntoViewIfNeeded();
    await page.getByText("That's everything.").waitFor();
    expect(await entries.count()).toBe(33);
    await page.screenshot({ path: "/tmp/activity.png" });

    // Only the workspace's creation is a `workspace.created`; filtering is kept in the address.
    await page.getByLabel("Kind").selectOption("workspace.");
    await page.waitForURL(/type=workspace\./);
    await entries.first().waitFor();
    expect(await entries.evaluateAll((els) => els.every((el) => el.dataset.type?.startsWith("workspace.")))).toBe(true);

    const href = await page.getByTestId("activity-export").getAttribute("href");
    expect(href).toContain(`/api/v1/workspaces/${workspace.id}/activity/export?type=workspace.`);
    const csv = await context.request.get(`${appUrl}${href}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const text = await csv.text();
    expect(text.split("\n")[0]).toContain("created_at");
    expect(text).toContain("created the workspace");
  });
});
