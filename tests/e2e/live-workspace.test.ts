// The live workspace in two browsers: two people in one workspace see each other online,
// see each other's changes without reloading, are told when an edit went stale, and type
// into one collaborative field together.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";
import { PASSWORD, signUpByApi } from "./sign-up-by-api";
import {
  call,
  confirmEmailByApi,
  createWorkspaceByApi,
  joinByInviteLink,
  newVisitor,
  setRoleByApi,
} from "./workspace-by-api";

const appUrl = inject("appUrl");

type Person = { context: BrowserContext; page: Page; id: string; name: string; email: string };

describe("the live workspace, in two browsers", () => {
  let browser: Browser;
  let ada: Person;
  let grace: Person;
  let workspaceId: string;
  let pageErrors: string[] = [];

  const person = async (name: string): Promise<Person> => {
    const context = await newVisitor(browser);
    const { email } = await signUpByApi(appUrl, { context, name });
    const me = (await (await context.request.get(`${appUrl}/api/v1/auth/me`)).json()) as { user: { id: string } };
    return { context, page: await context.newPage(), id: me.user.id, name, email };
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    ada = await person("Ada Lovelace");
    grace = await person("Grace Hopper");
    await confirmEmailByApi(appUrl, grace.context, grace.email);
    workspaceId = (await createWorkspaceByApi(appUrl, ada.context, "Analytical Engines")).id;
    await joinByInviteLink(appUrl, ada.context, grace.context, workspaceId, "editor");
    // An admin may change the settings too: what makes two people's edits collide.
    await setRoleByApi(appUrl, ada.context, workspaceId, grace.email, "admin");
  });

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    pageErrors = [];
    for (const p of [ada, grace]) {
      await p.page.close();
      p.page = await p.context.newPage();
      p.page.on("pageerror", (error) => pageErrors.push(`${p.name}: ${error.message}`));
    }
  });

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  const settings = async (p: Person) => {
    await p.page.goto(`${appUrl}/app/w/${workspaceId}/settings`);
    await p.page.getByTestId("workspace-settings").waitFor();
  };
  const online = (p: Person, other: Person) => p.page.getByTestId("presence").locator(`[data-user-id="${other.id}"]`);

  it("shows who is online, and a rename in one tab reaches the other's sidebar without a reload", async () => {
    await settings(ada);
    await grace.page.goto(`${appUrl}/app/w/${workspaceId}`);
    await grace.page.getByTestId("api-health").waitFor();

    // Each sees the other in the header, and only the other.
    await online(ada, grace).waitFor();
    await online(grace, ada).waitFor();
    expect(await ada.page.getByTestId("presence-person").count()).toBe(1);
    await online(ada, grace).hover();
    const tip = online(ada, grace).getByRole("tooltip");
    await tip.waitFor();
    expect(await tip.textContent()).toContain("Grace Hopper");
    expect(await tip.textContent()).toContain("Active · 1 tab");
    await ada.page.screenshot({ path: "/tmp/live-presence-ada.png" });

    let loads = 0;
    grace.page.on("load", () => {
      loads += 1;
    });
    const general = ada.page.getByTestId("settings-general");
    await general.getByLabel("Name").fill("Difference Engines");
    await general.getByRole("button", { name: "Save" }).click();
    await ada.page.getByTestId("settings-general-saved").waitFor();

    await grace.page.getByTestId("workspace-name").filter({ hasText: "Difference Engines" }).waitFor();
    expect(loads).toBe(0);
    await grace.page.screenshot({ path: "/tmp/live-rename-grace.png" });
  });

  it("marks who is editing a card, and a stale save offers to keep mine or take theirs", async () => {
    await settings(ada);
    await settings(grace);
    await online(ada, grace).waitFor();

    // Grace starts editing the description: Ada sees it on the card.
    const graceGeneral = grace.page.getByTestId("settings-general");
    await graceGeneral.getByLabel("Description").fill("Grace's description");
    const badge = ada.page.getByTestId("settings-general").getByTestId("presence-badge");
    await badge.waitFor();
    expect(await badge.textContent()).toContain("Grace Hopper is editing");

    // Ada saves first; Grace's edit was made on the version before.
    const adaGeneral = ada.page.getByTestId("settings-general");
    await adaGeneral.getByLabel("Description").fill("Ada's description");
    await adaGeneral.getByRole("button", { name: "Save" }).click();
    await ada.page.getByTestId("settings-general-saved").waitFor();
    await graceGeneral.getByRole("button", { name: "Save" }).click();
    const conflict = grace.page.getByTestId("conflict-notice");
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain("They changed: description");
    await grace.page.screenshot({ path: "/tmp/live-conflict.png" });

    // Keep mine: saved over Ada's, and Ada's tab shows it (her form had no edits left).
    await conflict.getByRole("button", { name: "Keep mine" }).click();
    await grace.page.getByTestId("settings-general-saved").waitFor();
    await expect.poll(() => adaGeneral.getByLabel("Description").inputValue()).toBe("Grace's description");

    // Take theirs: the edit is dropped for the saved version.
    await graceGeneral.getByLabel("Description").fill("Grace again");
    await adaGeneral.getByLabel("Description").fill("Ada again");
    await adaGeneral.getByRole("button", { name: "Save" }).click();
    await ada.page.getByTestId("settings-general-saved").waitFor();
    await graceGeneral.getByRole("button", { name: "Save" }).click();
    await conflict.waitFor();
    await conflict.getByRole("button", { name: "Take theirs" }).click();
    expect(await graceGeneral.getByLabel("Description").inputValue()).toBe("Ada again");
    expect(await conflict.count()).toBe(0);
    const saved = (await (await grace.context.request.get(`${appUrl}/api/v1/workspaces/${workspaceId}`)).json()) as {
      description: string;
    };
    expect(saved.description).toBe("Ada again");
  });

  it("says when the live connection is down, and catches up on what was missed", async () => {
    await settings(ada);
    await grace.page.goto(`${appUrl}/app/w/${workspaceId}`);
    await grace.page.getByTestId("api-health").waitFor();
    await online(grace, ada).waitFor();

    await grace.context.setOffline(true);
    await grace.page.getByTestId("live-offline").waitFor();
    const general = ada.page.getByTestId("settings-general");
    await general.getByLabel("Name").fill("Engines While You Were Away");
    await general.getByRole("button", { name: "Save" }).click();
    await ada.page.getByTestId("settings-general-saved").waitFor();

    await grace.context.setOffline(false);
    await grace.page.getByTestId("workspace-name").filter({ hasText: "Engines While You Were Away" }).waitFor();
    await grace.page.getByTestId("live-offline").waitFor({ state: "detached" });
  });

  it("two people type into one collaborative field and see each other's text and cursor", async () => {
    const contactUrl = (id = "") => `${appUrl}/api/v1/workspaces/${workspaceId}/contacts${id && `/${id}`}`;
    const { id: contactId } = await call<{ id: string }>(ada.context, "POST", contactUrl(), {
      first_name: "Charles",
      last_name: "Babbage",
      notes: "Met at the fair.",
    });
    const url = `${appUrl}/app/w/${workspaceId}/dev/docs/crm_contacts:${contactId}:notes`;
    for (const p of [ada, grace]) {
      await p.page.goto(url);
      await p.page.getByTestId("collab-status").filter({ hasText: "Saved as you type." }).waitFor();
    }
    const adaText = ada.page.getByLabel("Notes", { exact: true });
    const graceText = grace.page.getByLabel("Notes", { exact: true });
    expect(await adaText.inputValue()).toBe("Met at the fair.");

    await adaText.click();
    await ada.page.keyboard.press("End");
    await ada.page.keyboard.type(" Ada: send the plans.");
    await graceText.click();
    await grace.page.keyboard.press("Home");
    await grace.page.keyboard.type("Grace: ");

    const merged = "Grace: Met at the fair. Ada: send the plans.";
    await expect.poll(() => adaText.inputValue()).toBe(merged);
    await expect.poll(() => graceText.inputValue()).toBe(merged);
    // Ada sees where Grace's cursor is, with her name, and who is in the field.
    await ada.page.locator(".collab__caret").filter({ hasText: "Grace Hopper" }).waitFor();
    expect(await ada.page.getByTestId("collab-peers").textContent()).toContain("Grace Hopper is here");
    await ada.page.screenshot({ path: "/tmp/live-collaborative-text.png" });

    // The text reaches the contact's row once both have stopped typing.
    await expect
      .poll(async () => (await call<{ notes: string }>(ada.context, "GET", contactUrl(contactId))).notes, {
        timeout: 30_000,
        interval: 1_000,
      })
      .toBe(merged);
  });
  it("sends a removed member's tab away at once, saying why", async () => {
    await grace.page.goto(`${appUrl}/app/w/${workspaceId}`);
    await grace.page.getByTestId("api-health").waitFor();
    await ada.page.goto(`${appUrl}/app/w/${workspaceId}/members`);
    await online(ada, grace).waitFor();

    await ada.page.getByRole("button", { name: "Remove Grace Hopper" }).click();
    await ada.page.getByTestId("confirm-dialog").getByRole("button", { name: "Remove member" }).click();
    // Grace had no other workspace: she lands where one can be made, told what happened.
    await grace.page.waitForURL(`${appUrl}/app/workspaces/new`);
    expect(await grace.page.getByTestId("flash").textContent()).toContain("Your access to this workspace ended.");
    await online(ada, grace).waitFor({ state: "detached" });
    expect(await ada.page.getByTestId("member-row").count()).toBe(1);
  });

  it("sends a tab to sign in when its session is ended from elsewhere", async () => {
    await ada.page.goto(`${appUrl}/app/w/${workspaceId}`);
    await ada.page.getByTestId("api-health").waitFor();
    const other = await newVisitor(browser);
    try {
      // The same person, signed in on another device, signs out everywhere.
      const login = await other.request.post(`${appUrl}/api/v1/auth/login`, {
        data: { email: ada.email, password: PASSWORD },
      });
      expect(login.status()).toBe(200);
      expect((await other.request.post(`${appUrl}/api/v1/auth/logout-all`)).status()).toBeLessThan(300);
    } finally {
      await other.close();
    }
    await ada.page.waitForURL(/\/app\/login\?redirect=/);
  });
});
