/// <reference types="vite/client" />
// The import's CSV reader on its own: the files people export from Excel, Numbers,
// Google Sheets and other CRMs, cut into pieces anywhere, and the files it refuses.
import { describe, expect, it } from "vitest";
import { CSV_LIMITS, detectDelimiter, parseCsv } from "../../worker/features/crm/import-parse-csv";
import { AppError } from "../../worker/lib/errors";
import accented from "./fixtures/accented-names.csv?raw";
import commaBom from "./fixtures/comma-bom.csv?raw";
import quoted from "./fixtures/quoted.csv?raw";
import semicolon from "./fixtures/semicolon.csv?raw";
import unterminated from "./fixtures/unterminated-quote.csv?raw";
import { latin1 } from "./import-helpers";

const bytes = (text: string) => new TextEncoder().encode(text);

/** The bytes cut into pieces of `size`, so records, quotes, CRLFs and multi-byte characters straddle pieces. */
function pieces(data: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < data.length; i += size) out.push(data.subarray(i, i + size));
  return out;
}

function refusal(run: () => unknown) {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    const e = err as AppError;
    const [detail] = e.details as { code: string; message: string; line?: number }[];
    return { status: e.status, summary: e.message, ...detail! };
  }
  throw new Error("the file was accepted");
}

describe("reading an import file", () => {
  it("reads a comma file with a byte-order mark, dropping the mark", () => {
    const csv = parseCsv([bytes(commaBom)]);
    expect(csv.delimiter).toBe(",");
    expect(csv.headers).toEqual(["First Name", "Last Name", "E-mail", "Company", "Tags"]);
    expect(csv.rows).toEqual([
      { line: 2, cells: ["Ada", "Lovelace", "ada@example.com", "Analytical Engines", "vip, math"] },
      { line: 3, cells: ["Grace", "Hopper", "grace@example.com", "US Navy", "navy"] },
    ]);
  });

  it("finds semicolons on the header line, and keeps quoted semicolons in their value", () => {
    const csv = parseCsv([bytes(semicolon)]);
    expect(csv.delimiter).toBe(";");
    expect(csv.headers).toEqual(["Name", "Email Address", "Phone", "Organisation", "Score"]);
    expect(csv.rows[1]?.cells).toEqual(["Hopper, Grace", "grace@example.com", "", "Navy; Research", "95"]);
  });

  it("finds tabs", () => {
    const csv = parseCsv([bytes('Email\tName\tTags\nada@example.com\tAda\t"a,b;c"\n')]);
    expect(csv.delimiter).toBe("\t");
    expect(csv.rows[0]?.cells).toEqual(["ada@example.com", "Ada", "a,b;c"]);
  });

  it("reads quoted commas, doubled quotes and line breaks inside quotes, and counts lines", () => {
    const csv = parseCsv([bytes(quoted)]);
    expect(csv.rows).toEqual([
      {
        line: 2,
        cells: ["Lovelace, Ada", "ada@example.com", 'Wrote the first program.\nSaid "hello" to Babbage.', "vip"],
      },
      { line: 4, cells: ["Grace Hopper", "grace@example.com", "Found a bug, a real one", ""] },
    ]);
  });

  it.each([1, 2, 3, 7, 64])("reads the same however the bytes are cut (pieces of %i)", (size) => {
    for (const text of [commaBom, semicolon, quoted, accented]) {
      expect(parseCsv(pieces(bytes(text), size))).toEqual(parseCsv([bytes(text)]));
    }
  });

  it("keeps accented names whole", () => {
    const csv = parseCsv(pieces(bytes(accented), 1));
    expect(csv.rows.map((r) => r.cells.slice(0, 2))).toEqual([
      ["José", "García"],
      ["Zoë", "Krämer"],
    ]);
  });

  it("takes LF, CRLF and lone CR line ends, skips blank lines, and needs no final line end", () => {
    const csv = parseCsv([bytes("a,b\r\n1,2\n\n3,4\r5,6\r\n,\r\n7,8")]);
    expect(csv.rows.map((r) => [r.line, ...r.cells])).toEqual([
      [2, "1", "2"],
      [4, "3", "4"],
      [5, "5", "6"],
      [7, "7", "8"],
    ]);
  });

  it("pads short rows and drops extra empty cells, as spreadsheets write them", () => {
    const csv = parseCsv([bytes("a,b,c\n1\n1,2,3,,\n")]);
    expect(csv.rows.map((r) => r.cells)).toEqual([
      ["1", "", ""],
      ["1", "2", "3"],
    ]);
  });

  it("names empty header cells by position", () => {
    expect(parseCsv([bytes("Email,,Name\nx,y,z\n")]).headers).toEqual(["Email", "Column 2", "Name"]);
  });

  it("keeps stray quotes inside unquoted values", () => {
    expect(parseCsv([bytes('Item,Note\n5" screen,"ok"ay\n')]).rows[0]?.cells).toEqual(['5" screen', "okay"]);
  });

  it("picks comma when the header names one column", () => {
    expect(detectDelimiter("Email")).toBe(",");
    expect(detectDelimiter('"a;b",c')).toBe(",");
  });
});

describe("refusing a file", () => {
  it("refuses Latin-1 bytes with advice to save as CSV UTF-8", () => {
    const answer = refusal(() => parseCsv([latin1(accented)]));
    expect(answer).toMatchObject({ status: 422, code: "invalid_encoding", path: "file" });
    expect(answer.message).toContain("CSV UTF-8");
  });

  it.each([
    ["UTF-16 LE with its mark, as Excel's Unicode Text", [0xff, 0xfe], "le"],
    ["UTF-16 BE with its mark", [0xfe, 0xff], "be"],
    ["UTF-16 LE without a mark", [], "le"],
  ] as const)("refuses %s, saying it is UTF-16, however the bytes arrive", (_, mark, order) => {
    const text = "Email,First Name\nada@example.com,Ada\n";
    const data = new Uint8Array([
      ...mark,
      ...[...text].flatMap((ch) => (order === "le" ? [ch.charCodeAt(0), 0] : [0, ch.charCodeAt(0)])),
    ]);
    for (const size of [data.length, 7, 1]) {
      const answer = refusal(() => parseCsv(pieces(data, size)));
      expect(answer).toMatchObject({ status: 422, code: "invalid_encoding", path: "file" });
      expect(answer.message).toContain("UTF-16");
      expect(answer.message).toContain("CSV UTF-8");
    }
  });

  it("refuses an unterminated quote, naming the line it opens on", () => {
    const answer = refusal(() => parseCsv([bytes(unterminated)]));
    expect(answer).toMatchObject({ status: 422, code: "unterminated_quote", line: 3 });
    expect(answer.message).toContain("line 3");
  });

  it("refuses a row with more values than the header, naming its line", () => {
    const answer = refusal(() => parseCsv([bytes("Name,Email\nAda,ada@example.com\nLovelace, Ada,ada@example.com\n")]));
    expect(answer).toMatchObject({ code: "ragged_row", line: 3 });
    expect(answer.message).toContain("Line 3 has 3 values");
  });

  it("refuses more rows than the limit, and an empty file", () => {
    const limits = { ...CSV_LIMITS, maxRows: 3 };
    expect(parseCsv([bytes("a\n1\n2\n3\n")], limits).rows).toHaveLength(3);
    expect(refusal(() => parseCsv([bytes("a\n1\n2\n3\n4\n")], limits))).toMatchObject({ code: "too_many_rows" });
    expect(refusal(() => parseCsv([bytes("\n\n")]))).toMatchObject({ code: "empty_file" });
  });

  it("refuses a header line longer than a record may be, however it arrives", () => {
    const limits = { ...CSV_LIMITS, maxRecordChars: 100 };
    const header = bytes(`${"x,".repeat(200)}y\n1\n`);
    for (const size of [7, 1000]) {
      expect(refusal(() => parseCsv(pieces(header, size), limits))).toMatchObject({ code: "record_too_long", line: 1 });
    }
  });

  it("refuses a record longer than the limit (a runaway quote swallowing the file)", () => {
    const limits = { ...CSV_LIMITS, maxRecordChars: 100 };
    const text = `a,b\n"${"x".repeat(200)}",1\n`;
    expect(refusal(() => parseCsv([bytes(text)], limits))).toMatchObject({ code: "record_too_long", line: 2 });
  });
});
