/// <reference types="vite/client" />
// Mapping, previewing and running an import: contacts land with their tags and search
// terms, duplicates by email (any case, in the workspace or in the file) are handled as
// the person chose, rejected rows come back with reasons, and formulas stay text.
import { beforeAll, describe, expect, it } from "vitest";
import { activityRows, parseCsv } from "../activity/activity-helpers";
import { errorOf, signUp } from "../helpers/api";
import { connectLive } from "../helpers/live";
import { createWorkspace, teammate } from "../helpers/workspaces";
import commaBom from "./fixtures/comma-bom.csv?raw";
import formulas from "./fixtures/formula-injection.csv?raw";
import semicolon from "./fixtures/semicolon.csv?raw";
import {
  contactsOf,
  createContact,
  importFile,
  importsPath,
  indexOf,
  preview,
  rowsOf,
  runOnce,
  upload,
} from "./import-helpers";

type Person = Awaited<ReturnType<typeof signUp>>;

describe("running an import", () => {
  let owner: Person;

  beforeAll(async () => {
    owner = await signUp({ name: "Ivy Importer" });
  });

  it("previews without writing, then imports each row as a contact with its tags and search terms", async () => {
    const { id } = await createWorkspace(owner.client, "Import One");
    const uploaded = await upload(owner.client, id, commaBom);
    const previewed = await preview(owner.client, id, uploaded.job.id, { mapping: uploaded.suggested_mapping });
    expect(previewed.counts).toEqual({ created: 2, updated: 0, skipped: 0, rejected: 0, duplicates_in_file: 0 });
    expect(previewed.rows).toEqual([
      {
        row_number: 1,
        outcome: "created",
        reason: null,
        email: "ada@example.com",
        contact_id: null,
        duplicate_of_row: null,
      },
      {
        row_number: 2,
        outcome: "created",
        reason: null,
        email: "grace@example.com",
        contact_id: null,
        duplicate_of_row: null,
      },
    ]);
    expect(previewed.job).toMatchObject({
      status: "uploaded",
      mapping: { "0": "first_name", "1": "last_name", "2": "email", "3": "company", "4": "tags" },
      duplicate_strategy: "skip",
    });
    expect(await contactsOf(id)).toEqual([]);

    const job = await runOnce(owner.client, id, uploaded.job.id);
    expect(job).toMatchObject({
      status: "completed",
      total_rows: 2,
      processed_rows: 2,
      created_count: 2,
      updated_count: 0,
      skipped_count: 0,
      error_count: 0,
      last_error: null,
    });
    expect(job.started_at).not.toBeNull();
    expect(job.finished_at).not.toBeNull();
    const contacts = await contactsOf(id);
    expect(contacts.map((c) => [c.first_name, c.last_name, c.email, c.company, c.tags, c.status])).toEqual([
      ["Ada", "Lovelace", "ada@example.com", "Analytical Engines", ["vip", "math"], "lead"],
      ["Grace", "Hopper", "grace@example.com", "US Navy", ["navy"], "lead"],
    ]);
    const index = await indexOf(contacts[0]!.id);
    expect(index.tags).toEqual(["math", "vip"]);
    expect(index.terms).toEqual(expect.arrayContaining(["lovelace", "analytical", "ada@example.com"]));
    expect((await rowsOf(uploaded.job.id)).map((r) => [r.outcome, r.contact_id])).toEqual([
      ["created", contacts[0]!.id],
      ["created", contacts[1]!.id],
    ]);

    // One entry for the whole import, none per contact.
    const log = await activityRows(id);
    expect(log.filter((e) => e.type.startsWith("crm_contact."))).toEqual([]);
    const entries = log.filter((e) => e.type === "crm_import.completed");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      entity_type: "crm_import_job",
      entity_id: uploaded.job.id,
      metadata: { created: 2, updated: 0, skipped: 0, rejected: 0, total_rows: 2 },
    });

    // Running a completed import again changes nothing.
    expect(await runOnce(owner.client, id, uploaded.job.id)).toMatchObject({ status: "completed", created_count: 2 });
    expect(await contactsOf(id)).toHaveLength(2);
  });

  it("splits full names, reads scores and keeps a quoted semicolon in a company name", async () => {
    const { id } = await createWorkspace(owner.client, "Import Two");
    const { job } = await importFile(owner.client, id, semicolon);
    expect(job).toMatchObject({ status: "completed", created_count: 2 });
    const contacts = await contactsOf(id);
    expect(contacts.map((c) => [c.first_name, c.last_name, c.phone, c.company, c.lead_score])).toEqual([
      ["Ada", "Lovelace", "+442079460000", "Analytical Engines", 80],
      ["Grace", "Hopper", null, "Navy; Research", 95],
    ]);
  });

  it("maps columns by header as well as by number, and refuses a mapping it cannot follow", async () => {
    const { id } = await createWorkspace(owner.client, "Import Three");
    const { job } = await upload(owner.client, id, commaBom);
    const path = importsPath(id, `/${job.id}/preview`);
    const byHeader = await preview(owner.client, id, job.id, {
      mapping: { "e-mail": "email", "First Name": "first_name", "1": "last_name", Tags: "ignore" },
    });
    expect(byHeader.job.mapping).toEqual({ "0": "first_name", "1": "last_name", "2": "email" });
    for (const [mapping, message] of [
      [{ Phone: "phone" }, 'No column is named "Phone".'],
      [{ "9": "email" }, "The file has 5 columns"],
      [{ "0": "email", "2": "email" }, "already feeds email"],
      [{ "3": "company" }, "Map a column to email or to a name"],
      [{ "0": "birthday" }, ""],
    ] as const) {
      const res = await owner.client.fetch(path, { method: "POST", json: { mapping } });
      expect(res.status, JSON.stringify(mapping)).toBe(422);
      const details = (await errorOf(res)).details as { message: string }[];
      expect(details.map((d) => d.message).join(" ")).toContain(message);
    }
  });

  it("explains each rejected row, and lists rejected and skipped rows in the report", async () => {
    const { id } = await createWorkspace(owner.client, "Import Four");
    const csv = [
      "First Name,Last Name,Email,Score,Status",
      "Ada,Lovelace,ada@example.com,90,Customer",
      "Bad,Email,not-an-email,1,lead",
      "No,Last,,1,lead",
      ",Nameless,nameless@example.com,,",
      "Score,Text,score@example.com,high,lead",
      "Odd,Status,odd@example.com,1,vip",
      "Ada,Again,ADA@example.com,5,lead",
    ].join("\n");
    const { previewed, job } = await importFile(owner.client, id, csv, {
      mapping: { "0": "first_name", "1": "last_name", "2": "email", "3": "lead_score", "4": "status" },
    });
    expect(previewed.counts).toEqual({ created: 3, updated: 0, skipped: 1, rejected: 3, duplicates_in_file: 1 });
    expect(job).toMatchObject({ created_count: 3, skipped_count: 1, error_count: 3, processed_rows: 7 });
    const contacts = await contactsOf(id);
    expect(contacts.map((c) => [c.email, c.status, c.lead_score])).toEqual([
      ["ada@example.com", "customer", 90],
      [null, "lead", 1],
      ["nameless@example.com", "lead", 0],
    ]);

    const res = await owner.client.fetch(importsPath(id, `/${job.id}/report?limit=2`));
    expect(res.status).toBe(200);
    const first = (await res.json()) as { data: { row_number: number; reason: string }[]; next_cursor: string };
    expect(first.data.map((r) => r.row_number)).toEqual([2, 5]);
    const rest = (await (
      await owner.client.fetch(importsPath(id, `/${job.id}/report?limit=10&cursor=${first.next_cursor}`))
    ).json()) as { data: { row_number: number; outcome: string; reason: string; cells: string[] }[] };
    const report = [...first.data, ...rest.data];
    expect(report.map((r) => [r.row_number, r.reason])).toEqual([
      [2, "Email: Enter a valid email address."],
      [5, 'Score: "high" is not a number.'],
      [6, 'Status: "vip" is not one of lead, prospect, customer, inactive.'],
      [7, "Same email as row 1 of this file."],
    ]);
    expect(rest.data.at(-1)).toMatchObject({
      outcome: "skipped",
      cells: ["Ada", "Again", "ADA@example.com", "5", "lead"],
    });
    const onlySkipped = (await (
      await owner.client.fetch(importsPath(id, `/${job.id}/report?outcome=skipped`))
    ).json()) as {
      data: unknown[];
    };
    expect(onlySkipped.data).toHaveLength(1);
  });

  it("lists every rejected row in the preview, however far down the file", async () => {
    const { id } = await createWorkspace(owner.client, "Import Far Down");
    const lines = ["First Name,Email,Score"];
    for (let i = 1; i <= 300; i++) {
      const bad = i === 3 || i === 150 || i === 299;
      lines.push(`P${i},${bad ? `broken${i}@` : `p${i}@example.com`},${i === 200 ? "lots" : "1"}`);
    }
    const uploaded = await upload(owner.client, id, lines.join("\n"));
    const previewed = await preview(owner.client, id, uploaded.job.id, { mapping: uploaded.suggested_mapping });
    expect(previewed.rows).toHaveLength(100);
    expect(previewed.counts).toMatchObject({ created: 296, rejected: 4 });
    expect(previewed.rejected).toEqual([
      { row_number: 3, reason: "Email: Enter a valid email address.", email: null },
      { row_number: 150, reason: "Email: Enter a valid email address.", email: null },
      { row_number: 200, reason: 'Score: "lots" is not a number.', email: null },
      { row_number: 299, reason: "Email: Enter a valid email address.", email: null },
    ]);
  });

  it("takes rows with only an email or one name, naming them as HubSpot does", async () => {
    const { id } = await createWorkspace(owner.client, "Import Names");
    const csv = [
      "Name,Email,Surname,Notes",
      "Cher,cher@example.com,,",
      "Mary Ann Evans,,,",
      ",only.email+crm@example.com,,",
      ",,Babbage,",
      ",,,Met at the fair",
    ].join("\n");
    const { previewed, job } = await importFile(owner.client, id, csv, {
      mapping: { "0": "full_name", "1": "email", "2": "last_name", "3": "notes" },
    });
    expect(previewed.counts).toMatchObject({ created: 4, rejected: 1 });
    expect(job).toMatchObject({ created_count: 4, error_count: 1 });
    const contacts = await contactsOf(id);
    expect(contacts.map((c) => [c.first_name, c.last_name, c.email])).toEqual([
      ["Cher", "", "cher@example.com"],
      ["Mary Ann", "Evans", null],
      ["only.email+crm", "", "only.email+crm@example.com"],
      ["Babbage", "", null],
    ]);
    const report = (await (await owner.client.fetch(importsPath(id, `/${job.id}/report`))).json()) as {
      data: { row_number: number; reason: string }[];
    };
    expect(report.data.map((r) => [r.row_number, r.reason])).toEqual([[5, "Give this row a name or an email."]]);
  });

  it("imports formulas as text, and neutralises them in the report CSV", async () => {
    const { id } = await createWorkspace(owner.client, "Formula Import");
    const first = await importFile(owner.client, id, formulas);
    expect(first.job).toMatchObject({ created_count: 2, error_count: 0 });
    const contacts = await contactsOf(id);
    expect(contacts.map((c) => [c.first_name, c.company, c.notes])).toEqual([
      ["=cmd|' /C calc'!A0", "+SUM(1)", "@x"],
      ["Minus", "-1+2", '=HYPERLINK("https://evil.example")'],
    ]);

    // The same file again: every row is skipped, and the report hands the cells back — as text.
    const second = await importFile(owner.client, id, formulas, { fileName: "formulas (again).csv" });
    expect(second.job).toMatchObject({ created_count: 0, skipped_count: 2 });
    const res = await owner.client.fetch(importsPath(id, `/${second.job.id}/report.csv`));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="formulas_again_-report.csv"');
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...records] = parseCsv(new TextDecoder().decode(bytes));
    expect(header).toEqual(["First Name", "Last Name", "Email", "Company", "Notes", "Row", "Result", "Reason"]);
    expect(records).toEqual([
      [
        "'=cmd|' /C calc'!A0",
        "Formula",
        "formula1@example.com",
        "'+SUM(1)",
        "'@x",
        "1",
        "skipped",
        "A contact with this email already exists.",
      ],
      [
        "Minus",
        "Sign",
        "formula2@example.com",
        "'-1+2",
        `'=HYPERLINK("https://evil.example")`,
        "2",
        "skipped",
        "A contact with this email already exists.",
      ],
    ]);
  });

  it("needs a preview before it runs, and keeps the mapping once it ran", async () => {
    const { id } = await createWorkspace(owner.client, "Import Order");
    const { job } = await upload(owner.client, id, commaBom);
    const early = await owner.client.fetch(importsPath(id, `/${job.id}/run`), { method: "POST" });
    expect(early.status).toBe(409);
    expect((await errorOf(early)).details).toEqual({ reason: "mapping_required" });
    await preview(owner.client, id, job.id, { mapping: { "2": "email", "0": "first_name", "1": "last_name" } });
    await runOnce(owner.client, id, job.id);
    const late = await owner.client.fetch(importsPath(id, `/${job.id}/preview`), {
      method: "POST",
      json: { mapping: { "2": "email" } },
    });
    expect(late.status).toBe(409);
  });

  it("lists imports newest first, and shows one with its counts", async () => {
    const { id } = await createWorkspace(owner.client, "Import List");
    const a = await upload(owner.client, id, commaBom, { fileName: "a.csv" });
    const b = await upload(owner.client, id, commaBom, { fileName: "b.csv" });
    const list = (await (await owner.client.fetch(importsPath(id, "?limit=1"))).json()) as {
      data: { id: string }[];
      next_cursor: string;
    };
    expect(list.data.map((j) => j.id)).toEqual([b.job.id]);
    const next = (await (await owner.client.fetch(importsPath(id, `?cursor=${list.next_cursor}`))).json()) as {
      data: { id: string }[];
    };
    expect(next.data.map((j) => j.id)).toEqual([a.job.id]);
    const one = await owner.client.fetch(importsPath(id, `/${a.job.id}`));
    expect(await one.json()).toMatchObject({ id: a.job.id, file_name: "a.csv", total_rows: 2, status: "uploaded" });
  });

  it("publishes progress and the new contacts on the live feed, to readers too", async () => {
    const { id } = await createWorkspace(owner.client, "Live Import");
    const tab = await connectLive(owner.client, id);
    const viewer = await connectLive((await teammate(id, "viewer")).client, id);
    await tab.next("hello");
    await viewer.next("hello");
    const { job } = await importFile(owner.client, id, commaBom);
    const progress = await tab.next("change", (m) => m.entity_type === "crm_import_job" && m.op === "update");
    expect(progress).toMatchObject({
      entity_id: job.id,
      data: { status: "completed", processed_rows: 2, total_rows: 2, created_count: 2 },
    });
    // The new contacts come as one change, published with the progress: one per chunk, not one per row.
    const announced = { op: "create", entity_id: job.id, data: { import_job_id: job.id, imported: 2 } };
    const contactChanges = (socket: typeof tab) =>
      socket.messages.filter((m) => m.type === "change" && m.entity_type === "crm_contact");
    expect(contactChanges(tab)).toEqual([expect.objectContaining(announced)]);
    // A viewer, who may not see the import itself, still learns of its contacts.
    expect(await viewer.next("change", (m) => m.entity_type === "crm_contact")).toMatchObject(announced);
    expect(viewer.messages.some((m) => m.type === "change" && m.entity_type === "crm_import_job")).toBe(false);
    tab.ws.close(1000);
    viewer.ws.close(1000);
  });
});

describe("duplicates by email", () => {
  let owner: Person;

  beforeAll(async () => {
    owner = await signUp({ name: "Dee Duplicate" });
  });

  /** A workspace with Ada already in it, typed in capitals, with a tag and a company. */
  async function withAda(name: string) {
    const { id } = await createWorkspace(owner.client, name);
    const ada = await createContact(owner.client, id, {
      first_name: "Ada",
      last_name: "Lovelace",
      email: "ADA@Example.com",
      company: "Old Co",
      tags: ["Founder"],
    });
    expect(ada.email).toBe("ada@example.com");
    return { id, ada };
  }

  const FILE = "First Name,Last Name,Email,Company,Tags\nAda,King,ada@example.com,New Co,VIP;founder\n";

  it("skip: leaves the existing contact untouched", async () => {
    const { id, ada } = await withAda("Dup Skip");
    const before = await contactsOf(id);
    const { previewed, job } = await importFile(owner.client, id, FILE, { duplicate_strategy: "skip" });
    expect(previewed.rows[0]).toMatchObject({ outcome: "skipped", contact_id: ada.id, duplicate_of_row: null });
    expect(job).toMatchObject({ created_count: 0, skipped_count: 1 });
    expect(await contactsOf(id)).toEqual(before);
    expect((await rowsOf(job.id))[0]).toMatchObject({
      outcome: "skipped",
      contact_id: ada.id,
      error: "A contact with this email already exists.",
    });
  });

  it("update: takes the file's values and adds its tags, erasing nothing", async () => {
    const { id, ada } = await withAda("Dup Update");
    const { previewed, job } = await importFile(owner.client, id, FILE, { duplicate_strategy: "update" });
    expect(previewed.counts).toMatchObject({ created: 0, updated: 1 });
    expect(job).toMatchObject({ created_count: 0, updated_count: 1 });
    const [contact, ...others] = await contactsOf(id);
    expect(others).toEqual([]);
    expect(contact).toMatchObject({
      id: ada.id,
      first_name: "Ada",
      last_name: "King",
      email: "ada@example.com",
      company: "New Co",
      tags: ["Founder", "VIP"],
    });
    expect((await indexOf(ada.id)).tags).toEqual(["founder", "vip"]);
    expect((await indexOf(ada.id)).terms).toEqual(expect.arrayContaining(["king", "new"]));
    expect((await indexOf(ada.id)).terms).not.toContain("old");
  });

  it("merge_tags: adds the file's tags and nothing else", async () => {
    const { id, ada } = await withAda("Dup Merge");
    const { job } = await importFile(owner.client, id, FILE, { duplicate_strategy: "merge_tags" });
    expect(job).toMatchObject({ updated_count: 1 });
    const [contact] = await contactsOf(id);
    expect(contact).toMatchObject({ id: ada.id, last_name: "Lovelace", company: "Old Co", tags: ["Founder", "VIP"] });
    // A second time there is nothing to add.
    const again = await importFile(owner.client, id, FILE, { duplicate_strategy: "merge_tags" });
    expect(again.job).toMatchObject({ updated_count: 0, skipped_count: 1 });
    expect((await rowsOf(again.job.id))[0]?.error).toBe("The contact already has these tags.");
  });

  const IN_FILE = [
    "First Name,Last Name,Email,Company,Tags",
    "Bea,Bright,bea@example.com,First Co,one",
    "Ada,King,ada@example.com,New Co,vip",
    "Bea,Bright,BEA@example.com,Second Co,two",
    "Ada,King,Ada@Example.com,Newer Co,again",
  ].join("\r\n");

  it("skip: later rows with an email already in the file are skipped and point at the first", async () => {
    const { id } = await withAda("In File Skip");
    const { previewed, job } = await importFile(owner.client, id, IN_FILE, { duplicate_strategy: "skip" });
    expect(previewed.counts).toEqual({ created: 1, updated: 0, skipped: 3, rejected: 0, duplicates_in_file: 2 });
    expect(previewed.rows.map((r) => [r.outcome, r.duplicate_of_row, r.reason])).toEqual([
      ["created", null, null],
      ["skipped", null, "A contact with this email already exists."],
      ["skipped", 1, "Same email as row 1 of this file."],
      ["skipped", 2, "Same email as row 2 of this file."],
    ]);
    expect(job).toMatchObject({ created_count: 1, skipped_count: 3 });
    const emails = (await contactsOf(id)).map((c) => c.email).sort();
    expect(emails).toEqual(["ada@example.com", "bea@example.com"]);
    expect((await contactsOf(id)).find((c) => c.email === "bea@example.com")).toMatchObject({ company: "First Co" });
  });

  it("update: later rows update the contact the first one made, and every row is accounted for", async () => {
    const { id, ada } = await withAda("In File Update");
    const { previewed, job } = await importFile(owner.client, id, IN_FILE, { duplicate_strategy: "update" });
    expect(previewed.counts).toEqual({ created: 1, updated: 3, skipped: 0, rejected: 0, duplicates_in_file: 2 });
    expect(job).toMatchObject({ created_count: 1, updated_count: 3, processed_rows: 4 });
    const contacts = await contactsOf(id);
    expect(contacts).toHaveLength(2);
    expect(contacts.find((c) => c.id === ada.id)).toMatchObject({
      company: "Newer Co",
      tags: ["Founder", "vip", "again"],
    });
    const bea = contacts.find((c) => c.email === "bea@example.com")!;
    expect(bea).toMatchObject({ company: "Second Co", tags: ["one", "two"] });
    expect((await indexOf(bea.id)).tags).toEqual(["one", "two"]);
    expect((await rowsOf(job.id)).map((r) => [r.outcome, r.contact_id])).toEqual([
      ["created", bea.id],
      ["updated", ada.id],
      ["updated", bea.id],
      ["updated", ada.id],
    ]);
  });
});
