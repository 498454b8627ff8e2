// The small rules every contact writer shares, one by one.
import { describe, expect, it } from "vitest";
import { contactTerms, contactWords, MAX_NOTE_TERMS } from "../../worker/features/crm/contact-terms";
import { foldText } from "../../worker/features/crm/fold-text";
import { clampScore, normalizeContact, normalizePhone } from "../../worker/features/crm/normalize-contact";
import { searchWords } from "../../worker/features/crm/search-words";
import { tagKey, uniqueTags } from "../../worker/features/crm/unique-tags";
import { startOfZonedDay, zonedDay } from "../../worker/lib/zoned-time";

describe("contact rules", () => {
  it.each([
    ["+1 (415) 555-0123", "+14155550123"],
    ["+1.415.555.0123", "+14155550123"],
    ["00 49 30 1234 5678", "+493012345678"],
    ["+44 (0) 20 7946 0958", "+442079460958"],
    ["+33 6 12 34 56 78", "+33612345678"],
    ["+81‑3‑1234‑5678", "+81312345678"],
    ["  +1 415 555 0123  ", "+14155550123"],
    ["415-555-0123", "415-555-0123"],
    ["+1 415 555 0123 x12", "+1 415 555 0123 x12"],
    ["+123", "+123"],
    ["+1234567890123456", "+1234567890123456"],
    ["call me", "call me"],
  ])("phone %j → %j", (typed, stored) => {
    expect(normalizePhone(typed)).toBe(stored);
  });

  it("clamps and rounds lead scores", () => {
    expect([-5, 0, 49.4, 49.5, 100, 101, 1e308].map(clampScore)).toEqual([0, 0, 49, 50, 100, 100, 100]);
  });

  it("keeps the first spelling of each tag, compared without case or accents", () => {
    expect(uniqueTags([" VIP ", "vip", "Café", "cafe", "CAFÉ", "news"])).toEqual(["VIP", "Café", "news"]);
    expect(tagKey("  Ünïcödé ")).toBe("unicode");
  });

  it("folds case, accents and letters with their accent inside", () => {
    expect(foldText("ÉLODIE Łódź Straße Ørsted Æsir ﬁne")).toBe("elodie lodz strasse orsted aesir fine");
  });

  const maryJane = {
    first_name: "Mary-Jane",
    last_name: "O'Brien",
    email: "MJ.OBrien+crm@Mail.Example.co.uk",
    company: "Smith & Sons",
    position: null,
    notes: `${Array.from({ length: MAX_NOTE_TERMS + 10 }, (_, i) => `w${i} w${i}`).join(" ")}`,
  };

  it("finds a contact by names, company, position, the email in parts and the notes' first distinct words", () => {
    const words = contactWords(maryJane);
    expect([...words]).toEqual(
      expect.arrayContaining([
        "mary",
        "jane",
        "o",
        "brien",
        "smith",
        "sons",
        "mj.obrien+crm@mail.example.co.uk",
        "mj.obrien+crm",
        "mail.example.co.uk",
        "mj",
        "obrien",
        "crm",
        "mail",
        "example",
        "co",
        "uk",
        "w0",
        `w${MAX_NOTE_TERMS - 1}`,
      ]),
    );
    expect(words.has(`w${MAX_NOTE_TERMS}`)).toBe(false);
    expect([...words].every((t) => t.length <= 64)).toBe(true);
  });

  it("indexes only the words that start no other word of the contact, and still finds it by every word", () => {
    const terms = contactTerms(maryJane);
    expect(new Set(terms).size).toBe(terms.length);
    // "o" starts "obrien", "mj" the address, "mail" the domain, "w1" "w10": the longer ones stand for them.
    for (const gone of ["o", "mj", "mj.obrien+crm", "mail", "w1", "w10"]) expect(terms).not.toContain(gone);
    const kept = ["obrien", "mj.obrien+crm@mail.example.co.uk", "mail.example.co.uk", "w100", "brien", "uk"];
    for (const term of kept) {
      expect(terms).toContain(term);
    }
    expect(terms.length).toBeLessThan(contactWords(maryJane).size);
    // A search word matches a term it starts: every word and every prefix of one still finds the contact.
    for (const word of contactWords(maryJane)) {
      for (let end = 1; end <= word.length; end++) {
        const prefix = word.slice(0, end);
        expect(terms.some((term) => term.startsWith(prefix))).toBe(true);
      }
    }
  });

  it("cuts terms to the column's width and leaves out what a prefix range cannot find", () => {
    const long = "a".repeat(80);
    // 𝒳 folds to x; the emoji and the rare ideograph 𠀀 (both above U+FFFF) go.
    const terms = contactTerms({
      first_name: long,
      last_name: "🎉Party𝒳 𠀀Han",
      email: null,
      company: null,
      position: null,
      notes: null,
    });
    expect(terms).toEqual(["a".repeat(64), "han", "partyx"]);
  });

  it("splits a search into folded words, keeping email pieces whole", () => {
    expect(searchWords("  José  O'Brien ")).toEqual(["jose", "o", "brien"]);
    expect(searchWords("ADA@Example.com")).toEqual(["ada@example.com"]);
    expect(searchWords("@example.com")).toEqual(["example.com"]);
    expect(searchWords("a b c d e f g h i j")).toHaveLength(8);
    expect(searchWords("!!! ???")).toEqual([]);
  });

  it("fills a new contact's defaults and trims what was typed", () => {
    expect(normalizeContact({ first_name: " Ada ", last_name: " Lovelace", tags: [" x ", "X"] }, "UTC")).toEqual({
      first_name: "Ada",
      last_name: "Lovelace",
      email: null,
      phone: null,
      company: null,
      position: null,
      address: null,
      status: "lead",
      lead_score: 0,
      source: null,
      tags: ["x"],
      notes: null,
      last_contacted: null,
      next_follow_up: null,
    });
  });

  it.each([
    ["Europe/Paris", "2026-03-29", "2026-03-28T23:00:00.000Z"], // the night clocks go forward: midnight is still +01:00
    ["Europe/Paris", "2026-03-30", "2026-03-29T22:00:00.000Z"],
    ["America/New_York", "2026-11-01", "2026-11-01T04:00:00.000Z"],
    ["America/New_York", "2026-11-02", "2026-11-02T05:00:00.000Z"],
    ["Asia/Kolkata", "2026-01-15", "2026-01-14T18:30:00.000Z"],
    ["Pacific/Kiritimati", "2026-01-01", "2025-12-31T10:00:00.000Z"],
    ["UTC", "2028-02-29", "2028-02-29T00:00:00.000Z"],
  ])("starts %s's day %s at %s", (zone, date, instant) => {
    const [year, month, day] = date.split("-").map(Number) as [number, number, number];
    const start = startOfZonedDay({ year, month, day }, zone);
    expect(start.toISOString()).toBe(instant);
    expect(zonedDay(start, zone)).toEqual({ year, month, day });
    expect(zonedDay(new Date(start.getTime() - 1000), zone)).not.toEqual({ year, month, day });
  });
});
