// The web app's CRM rules that need no browser: the address ↔ list query, which rows a
// scrolled table draws, what a contact form sends, the import mapping check, and the
// ETag a tab works out for a row (it must be the API's own, or every inline edit 412s).
import { describe, expect, it } from "vitest";
import { contactEtag } from "../../web/features/crm/contact-etag";
import { changesOf, formOf, validateForm } from "../../web/features/crm/contact-form";
import { filterOf, isFiltered, readContactQuery, toSearchParams } from "../../web/features/crm/contact-query";
import type { Contact } from "../../web/features/crm/contact-types";
import { mappingProblem } from "../../web/features/crm/import-fields";
import { visibleRange } from "../../web/features/crm/visible-range";
import { toContactJson } from "../../worker/features/crm/to-contact-json";
import { etagOf } from "../../worker/lib/etag";

const contact: Contact = {
  id: "0190a1b2-0000-7000-8000-000000000001",
  workspace_id: "0190a1b2-0000-7000-8000-0000000000ff",
  first_name: "Ada",
  last_name: "Lovelace",
  email: "ada@example.com",
  phone: null,
  company: "Analytical Engines",
  position: null,
  address: null,
  status: "prospect",
  lead_score: 70,
  source: "webinar",
  tags: ["vip", "math"],
  notes: "Met at the fair.",
  last_contacted: null,
  next_follow_up: "2026-03-10T09:00:00.000Z",
  created_by: "0190a1b2-0000-7000-8000-0000000000aa",
  created_at: "2026-01-02T03:04:05.000Z",
  updated_at: "2026-01-02T03:04:05.000Z",
};

describe("the contacts list query in the address", () => {
  it("reads the API's own parameters and drops what the API would refuse", () => {
    const query = readContactQuery({
      q: "  ada love ",
      status: "lead,bogus,customer,lead",
      tags: "vip, newsletter,",
      tags_mode: "all",
      score_min: "40",
      score_max: "20",
      follow_up: "this_week",
      created_from: "2026-02-01",
      created_to: "2026-01-01",
      sort: "score",
      order: "sideways",
      company: "Acme",
    });
    expect(query).toEqual({
      q: "ada love",
      status: ["lead", "customer"],
      tags: ["vip", "newsletter"],
      tags_mode: "all",
      score_min: 40,
      follow_up: "this_week",
      created_from: "2026-02-01",
      sort: "score",
      company: "Acme",
    });
  });

  it("falls back to newest first, and a score outside 0–100 is not a filter", () => {
    expect(readContactQuery({ sort: "nope", score_min: "101", score_max: "-1" })).toEqual({ sort: "created" });
  });

  it("writes a query back to the same parameters, so the address round-trips", () => {
    const query = readContactQuery({ q: "ada", status: "lead,prospect", tags: "vip", score_max: "90", sort: "name" });
    const params = Object.fromEntries(Object.entries(toSearchParams(query)).filter(([, v]) => v !== undefined));
    expect(params).toEqual({ q: "ada", status: "lead,prospect", tags: "vip", score_max: "90", sort: "name" });
    expect(readContactQuery(params)).toEqual(query);
  });

  it("sends bulk actions the filter without the order, and a sort alone filters nothing", () => {
    const query = readContactQuery({ status: "lead", sort: "score", order: "asc" });
    expect(filterOf(query)).toEqual({ status: ["lead"] });
    expect(isFiltered(query)).toBe(true);
    expect(isFiltered(readContactQuery({ sort: "score" }))).toBe(false);
  });
});

describe("the rows a scrolled table draws", () => {
  it("draws the rows on screen and a margin either side, never past the ends", () => {
    expect(visibleRange({ scrollTop: 0, viewportHeight: 440, rowHeight: 44, count: 50_000, overscan: 5 })).toEqual({
      start: 0,
      end: 16,
    });
    expect(visibleRange({ scrollTop: 44_000, viewportHeight: 440, rowHeight: 44, count: 50_000, overscan: 5 })).toEqual(
      { start: 995, end: 1016 },
    );
    expect(visibleRange({ scrollTop: 10_000, viewportHeight: 440, rowHeight: 44, count: 30, overscan: 5 })).toEqual({
      start: 30,
      end: 30,
    });
    expect(visibleRange({ scrollTop: 0, viewportHeight: 440, rowHeight: 44, count: 0 })).toEqual({ start: 0, end: 0 });
  });
});

describe("the contact form", () => {
  it("sends only what changed, blanks as none, tags as a list and the score as a number", () => {
    const base = formOf(contact);
    expect(base.tags).toBe("vip, math");
    const draft = { ...base, company: "  ", tags: "vip, math, , webinar ", lead_score: "85", first_name: "Augusta" };
    expect(changesOf(draft, base)).toEqual({
      company: null,
      tags: ["vip", "math", "webinar"],
      lead_score: 85,
      first_name: "Augusta",
    });
    expect(changesOf(base, base)).toEqual({});
  });

  it("says what to fix before calling the API", () => {
    const base = formOf(contact);
    expect(validateForm(base)).toEqual({});
    expect(validateForm({ ...base, first_name: " ", lead_score: "", email: "ada@" })).toEqual({
      first_name: "Enter a first name.",
      lead_score: "Enter a score from 0 to 100.",
      email: "Enter an email address like name@example.com.",
    });
  });
});

describe("the import mapping check", () => {
  it("needs an email or a name, and one column per field except tags", () => {
    expect(mappingProblem({ "0": "company", "1": "ignore" })).toMatch(/email or to a name/);
    expect(mappingProblem({ "0": "email", "1": "email" })).toMatch(/Two columns feed Email/);
    expect(mappingProblem({ "0": "full_name", "1": "tags", "2": "tags" })).toBeNull();
  });
});

describe("the ETag of a row from a list or the live feed", () => {
  it("is the API's ETag of that contact, whatever order its keys arrived in", async () => {
    const row = {
      ...contact,
      email: contact.email,
      last_contacted: null,
      next_follow_up: new Date(contact.next_follow_up as string),
      created_at: new Date(contact.created_at as string),
      updated_at: new Date(contact.updated_at as string),
    };
    const api = await etagOf(toContactJson(row as unknown as Parameters<typeof toContactJson>[0]));
    const shuffled = Object.fromEntries(Object.entries(contact).reverse()) as Contact;
    expect(await contactEtag(shuffled)).toBe(api);
    expect(await contactEtag({ ...contact, company: "Other" })).not.toBe(api);
  });
});
