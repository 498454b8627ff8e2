import { beforeAll, describe, expect, it } from "vitest";
import type { ContactJson } from "../../worker/features/crm/to-contact-json";
import { encodeCursor } from "../../worker/lib/pagination";
import { errorOf, signUp } from "../helpers/api";
import { createWorkspace } from "../helpers/workspaces";
import { contactsPath, readContacts, type SeedContact, seedContacts, walkContacts } from "./contact-helpers";

type Person = Awaited<ReturnType<typeof signUp>>;
const at = (iso: string) => new Date(iso);

/** Ties on every sort key, and contacts without a value for the nullable ones. */
const CAST: SeedContact[] = [
  { first_name: "Ada", last_name: "Lovelace", lead_score: 90, last_contacted: at("2026-01-02T10:00:00Z") },
  { first_name: "Ada", last_name: "Lovelace", lead_score: 90, last_contacted: at("2026-01-02T10:00:00Z") },
  { first_name: "Grace", last_name: "Hopper", lead_score: 40, next_follow_up: at("2026-02-01T09:00:00Z") },
  { first_name: "Alan", last_name: "Turing", lead_score: 40, next_follow_up: at("2026-02-01T09:00:00Z") },
  { first_name: "Katherine", last_name: "Johnson", lead_score: 75, next_follow_up: at("2026-01-15T09:00:00Z") },
  { first_name: "Ada", last_name: "Byron", lead_score: 0, last_contacted: at("2025-12-24T18:00:00Z") },
  { first_name: "Barbara", last_name: "Liskov", lead_score: 75 },
  { first_name: "Edsger", last_name: "Dijkstra", lead_score: 100, last_contacted: at("2026-01-02T10:00:00Z") },
  { first_name: "Donald", last_name: "Knuth", lead_score: 40, next_follow_up: at("2026-03-01T09:00:00Z") },
  { first_name: "Ada", last_name: "Lovelace", lead_score: 55 },
  { first_name: "Frances", last_name: "Allen", lead_score: 75, last_contacted: at("2025-11-30T08:00:00Z") },
];

type SortCase = { sort: string; order: "asc" | "desc"; key: (c: ContactJson) => (string | number | null)[] };

const SORTS: SortCase[] = [
  ...(["asc", "desc"] as const).flatMap((order) => [
    { sort: "created", order, key: () => [] },
    { sort: "name", order, key: (c: ContactJson) => [c.last_name, c.first_name] },
    { sort: "updated", order, key: (c: ContactJson) => [c.updated_at] },
    { sort: "score", order, key: (c: ContactJson) => [c.lead_score] },
    { sort: "last_contacted", order, key: (c: ContactJson) => [c.last_contacted] },
    { sort: "next_follow_up", order, key: (c: ContactJson) => [c.next_follow_up] },
  ]),
];

/** The order the API promises: by the key, then the id, in the asked direction; rows without a value last. */
function expectedOrder(contacts: ContactJson[], { key, order }: SortCase): string[] {
  const sign = order === "asc" ? 1 : -1;
  const compare = (a: string | number | null, b: string | number | null) => (a! < b! ? -1 : a! > b! ? 1 : 0);
  return [...contacts]
    .sort((a, b) => {
      const [ka, kb] = [key(a), key(b)];
      const [nullA, nullB] = [ka.some((v) => v === null), kb.some((v) => v === null)];
      if (nullA !== nullB) return nullA ? 1 : -1;
      for (let i = 0; i < ka.length && !nullA; i++) {
        const c = compare(ka[i]!, kb[i]!);
        if (c !== 0) return sign * c;
      }
      return sign * compare(a.id, b.id);
    })
    .map((c) => c.id);
}

describe("listing contacts", () => {
  let owner: Person;
  let workspaceId: string;
  let everyone: ContactJson[];

  beforeAll(async () => {
    owner = await signUp();
    workspaceId = (await createWorkspace(owner.client, "Sorting Co")).id;
    // Two updated_at values only: ties the id must break.
    await seedContacts(
      workspaceId,
      owner.user.id,
      CAST.map((c, i) => ({ ...c, updated_at: at(i % 2 ? "2026-01-01T00:00:00Z" : "2026-01-03T00:00:00Z") })),
    );
    everyone = await walkContacts(owner.client, workspaceId, { limit: "100" });
    expect(everyone).toHaveLength(CAST.length);
  });

  it("lists the newest first by default", async () => {
    const ids = (await readContacts(owner.client, workspaceId)).data.map((c) => c.id);
    expect(ids).toEqual([...ids].sort().reverse());
  });

  it.each(SORTS.flatMap((s) => [1, 2, 5].map((limit) => [`${s.sort} ${s.order}, ${limit} a page`, s, limit] as const)))(
    "walks every contact exactly once: %s",
    async (_, sortCase, limit) => {
      const walked = await walkContacts(owner.client, workspaceId, {
        sort: sortCase.sort,
        order: sortCase.order,
        limit: String(limit),
      });
      expect(walked.map((c) => c.id)).toEqual(expectedOrder(everyone, sortCase));
    },
  );

  it("takes each sort's natural order when none is given", async () => {
    const byName = await walkContacts(owner.client, workspaceId, { sort: "name" });
    expect(byName[0]).toMatchObject({ last_name: "Allen" });
    const byScore = await walkContacts(owner.client, workspaceId, { sort: "score" });
    expect(byScore[0]).toMatchObject({ lead_score: 100 });
    const byFollowUp = await walkContacts(owner.client, workspaceId, { sort: "next_follow_up" });
    expect(byFollowUp[0]).toMatchObject({ next_follow_up: "2026-01-15T09:00:00.000Z" });
    expect(byFollowUp.at(-1)?.next_follow_up).toBeNull();
  });

  it("refuses a cursor it did not give out, or one of another sort", async () => {
    const page = await readContacts(owner.client, workspaceId, { sort: "name", limit: "2" });
    for (const [query, why] of [
      [{ sort: "score", cursor: page.next_cursor! }, "another sort's cursor"],
      [{ cursor: "not-a-cursor" }, "garbage"],
      [{ sort: "score", cursor: encodeCursor(["score", "ninety", crypto.randomUUID()]) }, "a text score"],
      [{ cursor: encodeCursor(["created", "not-an-id"]) }, "a malformed id"],
    ] as const) {
      const res = await owner.client.fetch(contactsPath(workspaceId, "", query));
      expect(res.status, why).toBe(400);
      expect((await errorOf(res)).code).toBe("invalid_cursor");
    }
  });

  it.each([
    [{ sort: "email" }, "sort"],
    [{ order: "sideways" }, "order"],
    [{ status: "lead,winner" }, "status.1"],
    [{ score_min: "80", score_max: "20" }, "score_max"],
    [{ score_min: "-1" }, "score_min"],
    [{ follow_up: "someday" }, "follow_up"],
    [{ created_from: "2026-02-01", created_to: "2026-01-01" }, "created_to"],
    [{ limit: "101" }, "limit"],
  ])("refuses %j with 422", async (query, path) => {
    const res = await owner.client.fetch(contactsPath(workspaceId, "", query));
    expect(res.status).toBe(422);
    expect((await errorOf(res)).details).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
  });
});

describe("filtering contacts", () => {
  let owner: Person;
  let workspaceId: string;
  const names = (contacts: ContactJson[]) => contacts.map((c) => c.first_name).sort();

  beforeAll(async () => {
    owner = await signUp();
    workspaceId = (await createWorkspace(owner.client, "Filter Co")).id;
    await seedContacts(workspaceId, owner.user.id, [
      {
        first_name: "Lena",
        status: "lead",
        lead_score: 10,
        tags: ["VIP", "newsletter"],
        source: "instagram",
        company: "Acme",
        created_at: at("2026-01-05T12:00:00Z"),
      },
      {
        first_name: "Pia",
        status: "prospect",
        lead_score: 50,
        tags: ["vip"],
        source: "referral",
        company: "Acme",
        created_at: at("2026-01-20T12:00:00Z"),
      },
      {
        first_name: "Cara",
        status: "customer",
        lead_score: 90,
        tags: ["newsletter"],
        source: "instagram",
        company: "Globex",
        created_at: at("2026-02-01T00:00:00Z"),
      },
      { first_name: "Ines", status: "inactive", lead_score: 0, created_at: at("2026-02-10T12:00:00Z") },
    ]);
  });

  it.each([
    [{ status: "lead" }, ["Lena"]],
    [{ status: "lead,customer" }, ["Cara", "Lena"]],
    [{ tags: "vip" }, ["Lena", "Pia"]],
    [{ tags: "Vip,NEWSLETTER" }, ["Cara", "Lena", "Pia"]],
    [{ tags: "vip,newsletter", tags_mode: "all" }, ["Lena"]],
    [{ tags: "vip,nobody", tags_mode: "all" }, []],
    [{ score_min: "50" }, ["Cara", "Pia"]],
    [{ score_max: "10" }, ["Ines", "Lena"]],
    [{ score_min: "10", score_max: "50" }, ["Lena", "Pia"]],
    [{ source: "instagram" }, ["Cara", "Lena"]],
    [{ company: "Acme" }, ["Lena", "Pia"]],
    [{ created_from: "2026-01-20", created_to: "2026-02-01" }, ["Cara", "Pia"]],
    [{ created_to: "2026-01-31" }, ["Lena", "Pia"]],
    [{ created_from: "2026-02-01T00:00:01Z" }, ["Ines"]],
    [{ status: "lead,prospect", tags: "vip", company: "Acme", score_min: "20" }, ["Pia"]],
  ])("%j → %j", async (query, expected) => {
    for (const sort of ["created", "name", "score"]) {
      expect(names(await walkContacts(owner.client, workspaceId, { ...query, sort, limit: "1" }))).toEqual(expected);
    }
  });

  it("takes repeated parameters as a list", async () => {
    const res = await owner.client.fetch(`${contactsPath(workspaceId)}?status=lead&status=customer`);
    expect(names(((await res.json()) as { data: ContactJson[] }).data)).toEqual(["Cara", "Lena"]);
  });
});

describe("follow-ups in the workspace's time zone", () => {
  // Kiritimati is UTC+14 all year, Pago Pago UTC−11: a day apart for much of the UTC day.
  const DAY = 86_400_000;
  const startOfDayAt = (offsetHours: number, days = 0) => {
    const local = Date.now() + offsetHours * 3_600_000;
    return Math.floor(local / DAY) * DAY + days * DAY - offsetHours * 3_600_000;
  };
  const iso = (ms: number) => new Date(ms).toISOString();

  async function workspaceIn(timezone: string, week_starts_on: "monday" | "sunday" = "monday") {
    const owner = await signUp();
    const ws = await createWorkspace(owner.client, `Zone ${timezone}`, { settings: { timezone, week_starts_on } });
    return { owner, workspaceId: ws.id };
  }

  it.each([
    ["Pacific/Kiritimati", 14],
    ["Pacific/Pago_Pago", -11],
    ["UTC", 0],
  ])("sorts follow-ups into overdue, today and this week in %s", async (timezone, offset) => {
    const { owner, workspaceId } = await workspaceIn(timezone);
    const today = startOfDayAt(offset);
    const localWeekday = new Date(today + offset * 3_600_000).getUTCDay();
    const nextWeek = startOfDayAt(offset, (1 - localWeekday + 7) % 7 || 7);
    await seedContacts(workspaceId, owner.user.id, [
      { first_name: "Long ago", next_follow_up: new Date(today - 40 * DAY) },
      { first_name: "Last night", next_follow_up: new Date(today - 1000) },
      { first_name: "At midnight", next_follow_up: new Date(today) },
      { first_name: "Tonight", next_follow_up: new Date(today + DAY - 1000) },
      // On the week's last day the end of the week is tonight: that contact would be a third one due today.
      ...(nextWeek - today > DAY ? [{ first_name: "End of week", next_follow_up: new Date(nextWeek - 1000) }] : []),
      { first_name: "Next week", next_follow_up: new Date(nextWeek) },
      { first_name: "Never" },
    ]);
    const window = async (follow_up: string) =>
      (await walkContacts(owner.client, workspaceId, { follow_up, sort: "next_follow_up" })).map((c) => c.first_name);
    expect(await window("overdue")).toEqual(["Long ago", "Last night"]);
    expect(await window("today")).toEqual(["At midnight", "Tonight"]);
    expect(await window("due")).toEqual(["Long ago", "Last night", "At midnight", "Tonight"]);
    const thisWeek = await window("this_week");
    expect(thisWeek.slice(0, 2)).toEqual(["At midnight", "Tonight"]);
    expect(thisWeek.at(-1)).toBe(nextWeek - today > DAY ? "End of week" : "Tonight");
    expect(thisWeek).not.toContain("Next week");

    const count = await owner.client.fetch(contactsPath(workspaceId, "/follow-ups/count"));
    expect(await count.json()).toEqual({ overdue: 2, today: 2 });
  });

  it("counts one instant as overdue in one zone and as due today in another", async () => {
    // A second before today began in Kiritimati (UTC+14) is, 25 hours behind in Pago Pago
    // (UTC−11), still today there for 23 hours of every 24.
    const instant = startOfDayAt(14) - 1000;
    const expectedIn = (offset: number) =>
      instant < startOfDayAt(offset)
        ? { overdue: 1, today: 0 }
        : instant < startOfDayAt(offset, 1)
          ? { overdue: 0, today: 1 }
          : { overdue: 0, today: 0 };
    expect(expectedIn(14)).toEqual({ overdue: 1, today: 0 });
    for (const [timezone, offset] of [
      ["Pacific/Kiritimati", 14],
      ["Pacific/Pago_Pago", -11],
    ] as const) {
      const { owner, workspaceId } = await workspaceIn(timezone);
      await seedContacts(workspaceId, owner.user.id, [{ next_follow_up: new Date(instant) }]);
      const count = await (await owner.client.fetch(contactsPath(workspaceId, "/follow-ups/count"))).json();
      expect(count, timezone).toEqual(expectedIn(offset));
    }
  });

  it("starts the week on the workspace's first weekday", async () => {
    for (const week_starts_on of ["monday", "sunday"] as const) {
      const { owner, workspaceId } = await workspaceIn("UTC", week_starts_on);
      const today = startOfDayAt(0);
      const first = week_starts_on === "sunday" ? 0 : 1;
      const nextWeek = startOfDayAt(0, (first - new Date(today).getUTCDay() + 7) % 7 || 7);
      await seedContacts(workspaceId, owner.user.id, [
        { first_name: "Inside", next_follow_up: new Date(nextWeek - 1000) },
        { first_name: "Outside", next_follow_up: new Date(nextWeek) },
      ]);
      const names = (await walkContacts(owner.client, workspaceId, { follow_up: "this_week" })).map(
        (c) => c.first_name,
      );
      expect(names, `${week_starts_on}, next week from ${iso(nextWeek)}`).toEqual(["Inside"]);
    }
  });
});
