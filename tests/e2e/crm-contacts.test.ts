// The CRM in the browser against the real worker: a first CSV import through the wizard
// (upload → match columns → preview → run → report) fills the contacts table, which then
// searches as you type; and one contact open in two people's tabs changes in one and
// updates in the other without a reload.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";
import { signUpByApi } from "./sign-up-by-api";
import { confirmEmailByApi, createWorkspaceByApi, joinByInviteLink, newVisitor } from "./workspace-by-api";

const appUrl = inject("appUrl");

/** A file as people export them: a full-name column, "E-mail", tags split by semicolons, one bad email. */
const CSV = [
  "Name,E-mail,Company,Tags",
  "Ada Lovelace,ada@example.com,Analytical Engines,vip;math",
  "Grace Hopper,GRACE@example.com,US Navy,",
  "Charles Babbage,not-an-email,Engines,",
  "Alan Turing,alan@example.com,Bletchley Park,math",
].join("\n");

type Person = { context: BrowserContext; page: Page; email: string };

describe("CRM contacts in the browser", () => {
  let browser: Browser;
  let ada: Person;
  let grace: Person;
  let workspaceId: string;
  const pageErrors: string[] = [];

  const person = async (name: string): Promise<Person> => {
    const context = await newVisitor(browser);
    const { email } = await signUpByApi(appUrl, { context, name });
    const page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(`${name}: ${error.message}`));
    return { context, page, email };
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    ada = await person("Ada Lovelace");
    grace = await person("Grace Hopper");
    await confirmEmailByApi(appUrl, grace.context, grace.email);
    workspaceId = (await createWorkspaceByApi(appUrl, ada.context, "Analytical Engines")).id;
    await joinByInviteLink(appUrl, ada.context, grace.context, workspaceId, "editor");
  });

  afterAll(async () => {
    await browser?.close();
  });

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  it("imports a CSV through the wizard and shows the contacts in the table", async () => {
    const { page } = ada;
    await page.goto(`${appUrl}/app/w/${workspaceId}/crm`);
    // Nothing yet: the page invites the first import.
    const empty = page.getByTestId("empty-state");
    await empty.waitFor();
    expect(await empty.textContent()).toContain("Bring in your contacts");
    await empty.getByRole("link", { name: "Import a CSV" }).click();

    await page.getByTestId("import-upload").waitFor();
    await page.getByLabel("Choose a CSV file").setInputFiles({
      name: "people.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(CSV, "utf8"),
    });

    // Columns matched from their names; the person could change any of them.
    const mapping = page.getByTestId("import-mapping");
    await mapping.waitFor();
    expect(await mapping.getByLabel("Field for the column E-mail").inputValue()).toBe("email");
    expect(await mapping.getByLabel("Field for the column Name").inputValue()).toBe("full_name");
    expect(await mapping.getByLabel("Field for the column Tags").inputValue()).toBe("tags");
    expect(await mapping.textContent()).toContain("ada@example.com");
    await mapping.getByLabel(/Only add its tags/).check();
    await mapping.getByRole("button", { name: "Preview the import" }).click();

    // A dry run: three would be created, the bad email is refused with its reason.
    const preview = page.getByTestId("import-preview");
    await preview.waitFor();
    expect(await preview.getByTestId("count-created").textContent()).toBe("3");
    expect(await preview.getByTestId("count-rejected").textContent()).toBe("1");
    const rejected = preview.locator('[data-testid="preview-row"][data-outcome="rejected"]');
    expect(await rejected.count()).toBe(1);
    expect(await rejected.textContent()).toContain("Email");
    // Every rejected row is listed on its own too, wherever it is in the file.
    const listed = preview.getByTestId("preview-rejected").getByTestId("rejected-row");
    expect(await listed.count()).toBe(1);
    expect(await listed.textContent()).toContain("Enter a valid email address.");
    // Nothing is saved by a preview.
    const before = await ada.context.request.get(`${appUrl}/api/v1/workspaces/${workspaceId}/contacts`);
    expect(((await before.json()) as { data: unknown[] }).data).toHaveLength(0);
    await page.screenshot({ path: "/tmp/crm-import-preview.png" });

    // Grace opens the same import: the live feed will move her progress bar while Ada's tab runs it.
    await grace.page.goto(page.url());
    await grace.page.getByTestId("import-mapping").waitFor();
    // In another tab she has the (still empty) contacts table open: it fills as the import lands.
    const graceTable = await grace.context.newPage();
    await graceTable.goto(`${appUrl}/app/w/${workspaceId}/crm`);
    await graceTable.getByTestId("empty-state").waitFor();

    await preview.getByTestId("import-run").click();
    const progress = page.locator('[data-testid="import-progress"][data-status="completed"]');
    await progress.waitFor({ timeout: 30_000 });
    expect(await progress.getByTestId("report-created").textContent()).toBe("3");
    expect(await progress.getByTestId("report-rejected").textContent()).toBe("1");
    expect(await progress.getByTestId("import-progressbar").getAttribute("aria-valuenow")).toBe("4");
    const reportRow = progress.getByTestId("report-row");
    await reportRow.waitFor();
    expect(await reportRow.textContent()).toContain("not-an-email");
    const csvHref = await progress.getByTestId("report-csv").getAttribute("href");
    const report = await ada.context.request.get(`${appUrl}${csvHref}`);
    expect(report.status()).toBe(200);
    expect(await report.text()).toContain("Charles Babbage");
    await page.screenshot({ path: "/tmp/crm-import-report.png" });
    const watched = grace.page.locator('[data-testid="import-progress"][data-status="completed"]');
    await watched.waitFor();
    expect(await watched.getByTestId("import-progressbar").getAttribute("aria-valuenow")).toBe("4");
    expect(await watched.getByTestId("report-created").textContent()).toBe("3");
    await expect.poll(() => graceTable.getByTestId("contact-row").count()).toBe(3);
    expect(await graceTable.getByTestId("contacts-table").textContent()).toContain("alan@example.com");
    await graceTable.close();

    // The import is listed for later, finished; one left at its mapping can be cancelled from there.
    await page.getByRole("link", { name: "← Contacts" }).waitFor();
    await page.goto(`${appUrl}/app/w/${workspaceId}/crm/import`);
    const jobs = page.getByTestId("import-jobs");
    await jobs.getByText("Finished").waitFor();
    await page.getByLabel("Choose a CSV file").setInputFiles({
      name: "second.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("Email\nlater@example.com\n", "utf8"),
    });
    await page.getByTestId("import-mapping").waitFor();
    // Left and reopened later (a reload forgets the upload's answer): the columns are suggested again.
    await page.goto(`${appUrl}/app/w/${workspaceId}/crm/import`);
    await jobs.getByText("Waiting for its mapping").waitFor();
    await jobs.getByRole("link", { name: "second.csv" }).click();
    expect(await page.getByLabel("Field for the column Email").inputValue()).toBe("email");
    await page.getByTestId("import-mapping").getByRole("button", { name: "Cancel import" }).click();
    await page.waitForURL(/\/crm\/import$/);
    await jobs.getByText("Cancelled").waitFor();
    // A listed import opens where it stands: this one at its report.
    await jobs.getByRole("link", { name: "people.csv" }).click();
    await progress.waitFor();
    await progress.getByTestId("import-see-contacts").click();
    const rows = page.getByTestId("contact-row");
    await expect.poll(() => rows.count()).toBe(3);
    expect(await page.getByTestId("contacts-table").textContent()).toContain("grace@example.com");

    // Search as you type: the list narrows without pressing Enter, and the address keeps it.
    await page.getByTestId("contact-search").fill("grac");
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain("Grace Hopper");
    expect(page.url()).toContain("q=grac");
    // The export is of what is shown.
    const exportHref = await page.getByTestId("contacts-export").getAttribute("href");
    expect(exportHref).toContain("q=grac");
    const exported = await (await ada.context.request.get(`${appUrl}${exportHref}`)).text();
    expect(exported).toContain("grace@example.com");
    expect(exported).not.toContain("ada@example.com");
    await page.screenshot({ path: "/tmp/crm-table.png" });
  });

  it("edits a contact in one tab while another tab sees it change", async () => {
    const list = (await (
      await ada.context.request.get(`${appUrl}/api/v1/workspaces/${workspaceId}/contacts?q=ada`)
    ).json()) as { data: { id: string; company: string }[] };
    const contactId = list.data[0]?.id;
    expect(contactId).toBeTruthy();
    const url = `${appUrl}/app/w/${workspaceId}/crm/contacts/${contactId}`;
    for (const p of [ada, grace]) {
      await p.page.goto(url);
      await p.page.getByTestId("contact-form").waitFor();
    }
    const adaCompany = ada.page.getByLabel("Company", { exact: true });
    const graceCompany = grace.page.getByLabel("Company", { exact: true });
    expect(await graceCompany.inputValue()).toBe("Analytical Engines");
    // Each sees that the other has the contact open.
    await ada.page.getByTestId("presence-badge").filter({ hasText: "Grace Hopper" }).waitFor();

    let reloads = 0;
    grace.page.on("load", () => {
      reloads += 1;
    });
    await adaCompany.fill("Difference Engines Ltd");
    await ada.page.getByRole("button", { name: "Save changes" }).click();
    await ada.page.getByTestId("contact-saved").waitFor();

    await expect.poll(() => graceCompany.inputValue()).toBe("Difference Engines Ltd");
    expect(reloads).toBe(0);
    // The change is on the contact's timeline in the other tab as well.
    await grace.page.getByTestId("timeline-entry").filter({ hasText: "changed company" }).waitFor();

    // Grace reached Ada: Ada's tab shows it, and the follow-up Grace set.
    await grace.page.getByLabel("Next follow-up (optional)").fill("2031-05-06");
    await grace.page.getByTestId("mark-contacted").click();
    await ada.page.getByTestId("timeline-entry").filter({ hasText: "Grace Hopper contacted Ada Lovelace" }).waitFor();
    await expect.poll(() => ada.page.getByLabel("Next follow-up", { exact: true }).inputValue()).toBe("2031-05-06");
    expect(await ada.page.getByTestId("contact-page").textContent()).toContain("last contacted");

    // Notes are written together: Ada types, Grace sees the text and who is in the field.
    for (const p of [ada, grace]) {
      await p.page.getByTestId("collab-status").filter({ hasText: "Saved as you type." }).waitFor();
    }
    await ada.page.getByLabel("Notes", { exact: true }).click();
    await ada.page.keyboard.type("Wants the plans by Friday.");
    const graceNotes = grace.page.getByLabel("Notes", { exact: true });
    await expect.poll(() => graceNotes.inputValue()).toBe("Wants the plans by Friday.");
    expect(await grace.page.getByTestId("collab-peers").textContent()).toContain("Ada Lovelace is here");
    // Once the document has written the row, a form save on the tab that saw it goes through (no false conflict).
    await expect
      .poll(
        async () =>
          (
            (await (
              await grace.context.request.get(`${appUrl}/api/v1/workspaces/${workspaceId}/contacts/${contactId}`)
            ).json()) as { notes: string | null }
          ).notes,
        { timeout: 15_000, interval: 500 },
      )
      .toBe("Wants the plans by Friday.");
    await grace.page.getByLabel("Phone", { exact: true }).fill("+44 20 7946 0958");
    await grace.page.getByRole("button", { name: "Save changes" }).click();
    await grace.page.getByTestId("contact-saved").waitFor();
    expect(await grace.page.getByTestId("conflict-notice").count()).toBe(0);
    await expect.poll(() => ada.page.getByLabel("Phone", { exact: true }).inputValue()).toBe("+442079460958");
    await grace.page.screenshot({ path: "/tmp/crm-contact-live.png" });
  });

  it("settles two saves of one field with keep mine or take theirs", async () => {
    const list = (await (
      await ada.context.request.get(`${appUrl}/api/v1/workspaces/${workspaceId}/contacts?q=alan`)
    ).json()) as { data: { id: string }[] };
    const url = `${appUrl}/app/w/${workspaceId}/crm/contacts/${list.data[0]?.id}`;
    for (const p of [ada, grace]) {
      await p.page.goto(url);
      await p.page.getByTestId("contact-form").waitFor();
    }
    // Grace starts typing a position; Ada saves another one first.
    await grace.page.getByLabel("Position", { exact: true }).fill("Codebreaker");
    await ada.page.getByLabel("Position", { exact: true }).fill("Mathematician");
    await ada.page.getByRole("button", { name: "Save changes" }).click();
    await ada.page.getByTestId("contact-saved").waitFor();
    // Grace keeps her text, is told, and on save chooses.
    await grace.page.getByText("Someone else just changed Position").waitFor();
    expect(await grace.page.getByLabel("Position", { exact: true }).inputValue()).toBe("Codebreaker");
    await grace.page.getByRole("button", { name: "Save changes" }).click();
    const conflict = grace.page.getByTestId("conflict-notice");
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain("They changed: Position");
    await conflict.getByRole("button", { name: "Keep mine" }).click();
    await grace.page.getByTestId("contact-saved").waitFor();
    await expect.poll(() => ada.page.getByLabel("Position", { exact: true }).inputValue()).toBe("Codebreaker");

    // Take theirs: Grace's edit gives way to what Ada saved.
    await grace.page.getByLabel("Position", { exact: true }).fill("Logician");
    await ada.page.getByLabel("Position", { exact: true }).fill("Pioneer");
    await ada.page.getByRole("button", { name: "Save changes" }).click();
    await ada.page.getByTestId("contact-saved").waitFor();
    await grace.page.getByRole("button", { name: "Save changes" }).click();
    await conflict.waitFor();
    await conflict.getByRole("button", { name: "Take theirs" }).click();
    expect(await grace.page.getByLabel("Position", { exact: true }).inputValue()).toBe("Pioneer");

    // The API's refusal shows next to its field, here with a way to the contact that has the email.
    await grace.page.getByLabel("Email", { exact: true }).fill("ADA@example.com");
    await grace.page.getByRole("button", { name: "Save changes" }).click();
    const emailField = grace.page.locator(".field", { has: grace.page.getByLabel("Email", { exact: true }) });
    await emailField.getByText("Another contact in this workspace already has this email address.").waitFor();
    await emailField.getByRole("link", { name: "Open the contact with this email" }).click();
    await expect.poll(() => grace.page.getByLabel("First name", { exact: true }).inputValue()).toBe("Ada");
  });

  it("edits cells in place, acts on a selection, and moves cards on the board by drag and by keyboard", async () => {
    const api = async () =>
      (
        (await (
          await ada.context.request.get(`${appUrl}/api/v1/workspaces/${workspaceId}/contacts?sort=name`)
        ).json()) as { data: { first_name: string; status: string; lead_score: number; tags: string[] }[] }
      ).data;
    const byName = async (first: string) => (await api()).find((c) => c.first_name === first);
    const { page } = ada;
    await page.goto(`${appUrl}/app/w/${workspaceId}/crm`);
    await grace.page.goto(`${appUrl}/app/w/${workspaceId}/crm`);
    const rows = page.getByTestId("contact-row");
    await expect.poll(() => rows.count()).toBe(3);
    await expect.poll(() => grace.page.getByTestId("contact-row").count()).toBe(3);

    // Inline edit from the keyboard: Enter opens the cell, Enter saves; Grace's table follows.
    await page.getByRole("button", { name: /^Lead score of Alan Turing/ }).focus();
    await page.keyboard.press("Enter");
    const input = page.getByLabel("Lead score of Alan Turing", { exact: true });
    await input.fill("88");
    await input.press("Enter");
    await expect.poll(async () => (await byName("Alan"))?.lead_score).toBe(88);
    const graceRow = grace.page.locator('[data-testid="contact-row"]', { hasText: "Alan Turing" });
    await expect.poll(() => graceRow.textContent()).toContain("88");

    // A bulk action on two selected rows.
    await page.getByLabel("Select Ada Lovelace").check();
    await page.getByLabel("Select Alan Turing").check();
    const bulk = page.getByTestId("bulk-bar");
    await bulk.getByLabel("Tags for the selected contacts").fill("webinar");
    await bulk.getByRole("button", { name: "Add tags" }).click();
    await bulk.getByText("2 contacts changed.").waitFor();
    expect((await byName("Ada"))?.tags).toContain("webinar");
    expect((await byName("Alan"))?.tags).toEqual(["math", "webinar"]);

    // An overdue follow-up shows on the navigation badge.
    await bulk.getByLabel("Follow-up date for the selected contacts").fill("2026-01-05");
    await bulk.getByRole("button", { name: "Set follow-up" }).click();
    await bulk.getByText("2 contacts changed.").waitFor();
    await expect.poll(() => page.getByTestId("follow-up-badge").textContent()).toContain("2");

    // The board: drag Ada from Lead to Customer.
    await page.getByLabel("Board").check();
    const column = (status: string) => page.locator(`[data-testid="board-column"][data-status="${status}"]`);
    const card = (name: string) => page.getByTestId("board-card").filter({ hasText: name });
    await column("lead").getByTestId("board-card").first().waitFor();
    await card("Ada Lovelace").dragTo(column("customer"));
    await column("customer").getByTestId("board-card").filter({ hasText: "Ada Lovelace" }).waitFor();
    await expect.poll(async () => (await byName("Ada"))?.status).toBe("customer");

    // And Alan one column right with the keyboard.
    await card("Alan Turing").focus();
    await page.keyboard.press("Alt+ArrowRight");
    await column("prospect").getByTestId("board-card").filter({ hasText: "Alan Turing" }).waitFor();
    await expect.poll(async () => (await byName("Alan"))?.status).toBe("prospect");
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? "")).toContain("Alan Turing");
    await page.screenshot({ path: "/tmp/crm-board.png" });

    // Delete, after a confirmation: gone from both tabs.
    await page.getByLabel("Table").check();
    await page.getByLabel("Select Grace Hopper").check();
    await page.getByTestId("bulk-bar").getByRole("button", { name: "Delete" }).click();
    await page.getByTestId("confirm-dialog").getByRole("button", { name: "Delete contacts" }).click();
    await expect.poll(() => rows.count()).toBe(2);
    await expect.poll(() => grace.page.getByTestId("contact-row").count()).toBe(2);

    // A contact added by hand: missing names are said next to their fields, then its page opens.
    await page.getByRole("button", { name: "Add contact" }).click();
    const dialog = page.getByTestId("new-contact-dialog");
    await dialog.getByLabel("Last name").fill("Somerville");
    await dialog.getByRole("button", { name: "Add contact" }).click();
    await dialog.getByText("Enter a first name.").waitFor();
    await dialog.getByLabel("First name").fill("Mary");
    await dialog.getByRole("button", { name: "Add contact" }).click();
    await page.getByTestId("contact-name").filter({ hasText: "Mary Somerville" }).waitFor();
    await grace.page.getByTestId("contact-row").filter({ hasText: "Mary Somerville" }).waitFor();

    // A contact that is not there says so.
    await page.goto(`${appUrl}/app/w/${workspaceId}/crm/contacts/0190a1b2-0000-7000-8000-000000000000`);
    await page.getByText("We couldn't find this contact").waitFor();
  });

  it("keeps thousands of contacts fast: only the rows on screen are drawn, the next page loads on scroll", async () => {
    // 2,500 contacts through the API's own import, in a workspace of their own.
    const big = (await createWorkspaceByApi(appUrl, ada.context, "Big List")).id;
    const lines = ["First name,Last name,Email,Lead score"];
    for (let i = 1; i <= 2_500; i++) lines.push(`Person,${String(i).padStart(4, "0")},p${i}@example.com,${i % 101}`);
    const base = `${appUrl}/api/v1/workspaces/${big}/contacts/imports`;
    const upload = await ada.context.request.post(`${base}?file_name=big.csv`, {
      headers: { "Content-Type": "text/csv" },
      data: lines.join("\n"),
    });
    expect(upload.status()).toBe(201);
    const { job, suggested_mapping } = (await upload.json()) as { job: { id: string }; suggested_mapping: object };
    expect(
      (await ada.context.request.post(`${base}/${job.id}/preview`, { data: { mapping: suggested_mapping } })).status(),
    ).toBe(200);
    for (;;) {
      const run = (await (await ada.context.request.post(`${base}/${job.id}/run`)).json()) as { status: string };
      if (run.status !== "running") break;
    }

    const { page } = ada;
    await page.goto(`${appUrl}/app/w/${big}/crm?sort=name`);
    const table = page.getByTestId("contacts-table");
    await table.getByText("100 contacts loaded so far").waitFor();
    const drawn = () => page.getByTestId("contact-row").count();
    expect(await drawn()).toBeLessThan(40);

    // Scrolling to the end of what is loaded asks for the next page; the page still holds a window of rows.
    const viewport = page.locator(".crm-table__viewport");
    const foot = page.locator(".crm-table__foot");
    const loaded = async () =>
      Number(/([\d,]+) contacts loaded/.exec((await foot.textContent()) ?? "")?.[1]?.replace(/,/g, ""));
    await expect
      .poll(async () => {
        await viewport.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
        return loaded();
      })
      .toBeGreaterThanOrEqual(400);
    expect(await drawn()).toBeLessThan(40);
    // The rows drawn are the ones scrolled to, in name order.
    await viewport.evaluate((el) => el.scrollTo({ top: 44 * 250 }));
    await page.getByTestId("contact-row").filter({ hasText: "Person 0251" }).waitFor();
    expect(await page.getByTestId("contact-row").filter({ hasText: "Person 0001" }).count()).toBe(0);

    // A bulk action on everything the filter matches, not only the rows loaded.
    const count = async (query: string) => {
      let total = 0;
      let cursor: string | null = null;
      do {
        const page: { data: unknown[]; next_cursor: string | null } = await (
          await ada.context.request.get(
            `${appUrl}/api/v1/workspaces/${big}/contacts?${query}&limit=100${cursor ? `&cursor=${cursor}` : ""}`,
          )
        ).json();
        total += page.data.length;
        cursor = page.next_cursor;
      } while (cursor);
      return total;
    };
    const matching = await count("score_min=90");
    expect(matching).toBeGreaterThan(100);
    await page.goto(`${appUrl}/app/w/${big}/crm?score_min=90`);
    await table.getByText("100 contacts loaded so far").waitFor();
    await page.getByLabel("Select all loaded contacts").check();
    const bulk = page.getByTestId("bulk-bar");
    await bulk.getByRole("button", { name: /Select every contact matching the filter/ }).click();
    await bulk.getByText("All matching").waitFor();
    await bulk.getByLabel("Tags for the selected contacts").fill("top");
    await bulk.getByRole("button", { name: "Add tags" }).click();
    await bulk.getByText(`${matching} contacts changed.`).waitFor();
    expect(await count("tags=top")).toBe(matching);
  });

  it("settles an inline edit of a stale row with keep mine or take theirs", async () => {
    const { data } = (await (
      await ada.context.request.get(`${appUrl}/api/v1/workspaces/${workspaceId}/contacts?q=alan`)
    ).json()) as { data: { id: string }[] };
    const contactUrl = `${appUrl}/api/v1/workspaces/${workspaceId}/contacts/${data[0]?.id}`;
    const adaSaves = async (company: string) =>
      expect((await ada.context.request.patch(contactUrl, { data: { company } })).status()).toBe(200);
    const companyOf = async () =>
      ((await (await ada.context.request.get(contactUrl)).json()) as { company: string }).company;

    // Grace's tab stops hearing the live feed, so her row goes stale while Ada saves.
    let muted = false;
    let heard = 0;
    await grace.page.routeWebSocket(/\/live(\?|$)/, (ws) => {
      const server = ws.connectToServer();
      server.onMessage((message) => {
        heard += 1;
        if (!muted) ws.send(message);
      });
    });
    // The feed opens on the dashboard first, so the list below loads once, with the feed already open.
    await grace.page.goto(`${appUrl}/app/w/${workspaceId}`);
    await expect.poll(() => heard).toBeGreaterThan(0);
    await grace.page.getByRole("navigation", { name: "Modules" }).getByRole("link", { name: "CRM" }).click();
    const row = grace.page.getByTestId("contact-row").filter({ hasText: "Alan Turing" });
    await row.waitFor();
    muted = true;

    const editCompany = async (company: string) => {
      await grace.page.getByRole("button", { name: /^Company of Alan Turing/ }).dblclick();
      const input = grace.page.getByLabel("Company of Alan Turing", { exact: true });
      await input.fill(company);
      await input.press("Enter");
    };
    const conflict = grace.page.getByTestId("conflict-notice");

    await adaSaves("Ada's Engines");
    // One request per edit: the ETag worked out for the row is the API's, so nothing is retried.
    const patches: number[] = [];
    grace.page.on("response", (response) => {
      if (response.request().method() === "PATCH") patches.push(response.status());
    });
    await editCompany("Grace's Navy");
    await conflict.waitFor().catch(async (error) => {
      throw new Error(`no conflict: the API has ${await companyOf()}, the row shows ${await row.textContent()}`, {
        cause: error,
      });
    });
    expect(await conflict.textContent()).toContain("They changed: Company");
    await conflict.getByRole("button", { name: "Keep mine" }).click();
    await expect.poll(companyOf).toBe("Grace's Navy");
    await conflict.waitFor({ state: "detached" });

    await adaSaves("Ada again");
    await editCompany("Grace again");
    await conflict.waitFor();
    await conflict.getByRole("button", { name: "Take theirs" }).click();
    await expect.poll(() => row.textContent()).toContain("Ada again");
    expect(await companyOf()).toBe("Ada again");

    // Heard again, an edit of a fresh row goes through at the first try.
    muted = false;
    await editCompany("Grace's last word");
    await expect.poll(companyOf).toBe("Grace's last word");
    await expect.poll(() => patches).toEqual([412, 200, 412, 200]);
  });
});
