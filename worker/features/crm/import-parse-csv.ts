// The CSV reader of contact imports: UTF-8 (with or without BOM; UTF-16 refused with advice), comma, semicolon
// or tab as found on the header line, RFC 4180 quoting, and line numbers in every
// complaint. It takes the file in pieces, so a caller can feed it as bytes arrive.
import { AppError } from "../../lib/errors";

export type CsvDelimiter = "," | ";" | "\t";

/** One data record: the physical line it starts on (the header is line 1) and its cells. */
export type CsvRecord = { line: number; cells: string[] };

export type ParsedCsv = { delimiter: CsvDelimiter; headers: string[]; rows: CsvRecord[] };

export type CsvLimits = {
  /** Data rows allowed after the header. */
  maxRows: number;
  /** Columns allowed in the header. */
  maxColumns: number;
  /** Characters one record may hold, quotes and line breaks included. */
  maxRecordChars: number;
};

export const CSV_LIMITS: CsvLimits = { maxRows: 50_000, maxColumns: 200, maxRecordChars: 32_768 };

/** The answer for a file we cannot read: 422, with the reason and (when known) the line for the person to fix. */
export function importFileError(code: string, message: string, line?: number) {
  return new AppError("validation_failed", message, [
    { path: "file", code, message, ...(line !== undefined && { line }) },
  ]);
}

/**
 * The delimiter a header line uses: whichever of comma, semicolon and tab occurs most
 * outside quotes. Excel in much of Europe writes semicolons; a header that names one
 * column has none of them, and then comma is as good as any.
 */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "," || ch === ";" || ch === "\t")) counts[ch]++;
  }
  const best = (Object.keys(counts) as CsvDelimiter[]).reduce((a, b) => (counts[b] > counts[a] ? b : a), ",");
  return best;
}

/** The header line, up to the first line break outside quotes (or all of the text when it has none yet). */
function firstLine(text: string): string | null {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) return text.slice(0, i);
  }
  return null;
}

/**
 * A push parser: `push` takes the next piece of text and hands back the records it
 * completed; `end` finishes the last one. A quote, a CR or a record cut between
 * pieces simply waits for the next piece.
 */
class CsvTokenizer {
  private record: string[] = [];
  private cell = "";
  /** Outside a field's quotes, inside them, or just after a quote inside them (a closing or a doubled one). */
  private state: "plain" | "quoted" | "quote_in_quoted" = "plain";
  /** The cell so far began with a quote (so it is a quoted field). */
  private cellStarted = false;
  private pendingCr = false;
  private line = 1;
  private recordLine = 1;
  private quoteLine = 1;
  private recordChars = 0;

  constructor(
    private readonly delimiter: CsvDelimiter,
    private readonly maxRecordChars: number,
  ) {}

  push(text: string, out: CsvRecord[]) {
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (this.pendingCr) {
        this.pendingCr = false;
        // CRLF is one line break, already counted (and, inside quotes, already kept as "\n") at the CR.
        if (ch === "\n") continue;
      }
      if (++this.recordChars > this.maxRecordChars) {
        throw importFileError(
          "record_too_long",
          `Line ${this.recordLine} holds more than ${Math.floor(this.maxRecordChars / 1024)} KB. Check for a missing closing quote before it.`,
          this.recordLine,
        );
      }
      if (this.state === "quoted") {
        if (ch === '"') this.state = "quote_in_quoted";
        else if (ch === "\n" || ch === "\r") {
          // Line breaks inside a value are kept, written as "\n" whichever the file used.
          this.newline(ch);
          this.cell += "\n";
        } else this.cell += ch;
        continue;
      }
      if (this.state === "quote_in_quoted") {
        if (ch === '"') {
          // A doubled quote is one quote in the value.
          this.cell += '"';
          this.state = "quoted";
          continue;
        }
        this.state = "plain";
      }
      if (ch === '"' && !this.cellStarted && this.cell === "") {
        this.state = "quoted";
        this.cellStarted = true;
        this.quoteLine = this.line;
      } else if (ch === this.delimiter) {
        this.endCell();
      } else if (ch === "\n" || ch === "\r") {
        this.newline(ch);
        this.endRecord(out);
      } else {
        // Lenient where spreadsheets are: a stray quote inside an unquoted value (5" screen) is kept as written,
        // and so is text after a closing quote ("abc"def reads abcdef).
        this.cell += ch;
        this.cellStarted = true;
      }
    }
  }

  end(out: CsvRecord[]) {
    if (this.state === "quoted") {
      throw importFileError(
        "unterminated_quote",
        `The quoted value that starts on line ${this.quoteLine} never ends: a closing quote (") is missing.`,
        this.quoteLine,
      );
    }
    if (this.cell !== "" || this.record.length > 0 || this.cellStarted) this.endRecord(out);
  }

  private newline(ch: string) {
    this.line++;
    if (ch === "\r") this.pendingCr = true;
  }

  private endCell() {
    this.record.push(this.cell);
    this.cell = "";
    this.cellStarted = false;
  }

  private endRecord(out: CsvRecord[]) {
    this.endCell();
    const cells = this.record;
    this.record = [];
    // A blank line is no record; neither is a line of nothing but delimiters.
    if (cells.some((c) => c.trim() !== "")) out.push({ line: this.recordLine, cells });
    this.recordLine = this.line;
    this.recordChars = 0;
  }
}

/**
 * Reads a CSV file: decodes it as strict UTF-8 (a Windows-1252 export fails here with
 * advice, rather than importing "JosÃ©"), finds the delimiter, and returns the header and
 * the data rows, each padded to the header's width. A row may lack trailing cells, or
 * carry extra empty ones (spreadsheets do both); a row with extra values is an error.
 */
export function parseCsv(pieces: Iterable<Uint8Array>, limits: CsvLimits = CSV_LIMITS): ParsedCsv {
  const reader = new CsvFileReader(limits);
  // A byte-order mark, if any, is dropped by the decoder (that is what ignoreBOM: false means).
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  // The first two bytes are held until both are in: they may be a UTF-16 mark.
  let lead: Uint8Array | null = new Uint8Array(0);
  for (const piece of pieces) {
    if (lead === null) {
      reader.feed(decode(decoder, piece));
      continue;
    }
    const start: Uint8Array = new Uint8Array(lead.length + piece.length);
    start.set(lead);
    start.set(piece, lead.length);
    if (start.length < 2) {
      lead = start;
      continue;
    }
    // Excel's "Unicode Text" and some CRMs' exports are UTF-16, marked FF FE or FE FF.
    if ((start[0] === 0xff && start[1] === 0xfe) || (start[0] === 0xfe && start[1] === 0xff)) throw utf16();
    lead = null;
    reader.feed(decode(decoder, start));
  }
  if (lead !== null && lead.length > 0) reader.feed(decode(decoder, lead));
  reader.feed(decode(decoder));
  return reader.end();
}

function decode(decoder: TextDecoder, piece?: Uint8Array): string {
  let text: string;
  try {
    text = piece ? decoder.decode(piece, { stream: true }) : decoder.decode();
  } catch {
    throw notUtf8();
  }
  // UTF-16 without its mark decodes as "valid" UTF-8 with a NUL beside every Latin letter; text never holds NUL.
  if (text.includes("\u0000")) throw utf16();
  return text;
}

function utf16() {
  return importFileError(
    "invalid_encoding",
    'This file is UTF-16 text (Excel calls it "Unicode Text"), not UTF-8. In Excel, choose File › Save As › "CSV UTF-8 (Comma delimited)"; in Numbers or Google Sheets, export as CSV — then upload that file.',
  );
}

/** Records to header and rows, with the file-level limits. */
class CsvFileReader {
  private tokenizer: CsvTokenizer | null = null;
  private delimiter: CsvDelimiter = ",";
  /** Text held until the header line is whole, to read the delimiter off it. */
  private head = "";
  private readonly records: CsvRecord[] = [];
  private headers: string[] | null = null;
  private readonly rows: CsvRecord[] = [];

  constructor(private readonly limits: CsvLimits) {}

  feed(text: string) {
    if (this.tokenizer === null) {
      this.head += text;
      // Past a record's length the header is too long anyway: the tokenizer says so, and nothing is rescanned.
      const line = firstLine(this.head) ?? (this.head.length > this.limits.maxRecordChars ? this.head : null);
      if (line === null) return;
      text = this.head;
      this.head = "";
      this.tokenizer = this.start(line);
    }
    this.tokenizer.push(text, this.records);
    this.take();
  }

  end(): ParsedCsv {
    if (this.tokenizer === null) {
      this.tokenizer = this.start(this.head);
      this.tokenizer.push(this.head, this.records);
    }
    this.tokenizer.end(this.records);
    this.take();
    if (this.headers === null) {
      throw importFileError("empty_file", "The file is empty: it needs a header line and at least one row.");
    }
    return { delimiter: this.delimiter, headers: this.headers, rows: this.rows };
  }

  private start(headerLine: string) {
    this.delimiter = detectDelimiter(headerLine);
    return new CsvTokenizer(this.delimiter, this.limits.maxRecordChars);
  }

  private take() {
    for (const record of this.records.splice(0)) {
      if (this.headers === null) {
        if (record.cells.length > this.limits.maxColumns) {
          throw importFileError(
            "too_many_columns",
            `The header has ${record.cells.length} columns; an import takes at most ${this.limits.maxColumns}.`,
            record.line,
          );
        }
        this.headers = record.cells.map((h, i) => h.trim() || `Column ${i + 1}`);
        continue;
      }
      if (this.rows.length >= this.limits.maxRows) {
        throw importFileError(
          "too_many_rows",
          `The file has more than ${this.limits.maxRows.toLocaleString("en-US")} rows. Split it into smaller files and import each.`,
          record.line,
        );
      }
      this.rows.push({ line: record.line, cells: fitToHeader(record, this.headers.length) });
    }
  }
}

function notUtf8() {
  return importFileError(
    "invalid_encoding",
    'This file is not UTF-8 text, so names like "José" would come out garbled. In Excel, choose File › Save As › "CSV UTF-8 (Comma delimited)"; in Numbers or Google Sheets, export as CSV — then upload that file.',
  );
}

function fitToHeader(record: CsvRecord, width: number): string[] {
  const { cells } = record;
  if (cells.length <= width) return [...cells, ...Array<string>(width - cells.length).fill("")];
  const extra = cells.slice(width);
  if (extra.every((c) => c.trim() === "")) return cells.slice(0, width);
  throw importFileError(
    "ragged_row",
    `Line ${record.line} has ${cells.length} values but the header names ${width} columns. A value with a comma or semicolon in it needs quotes around it.`,
    record.line,
  );
}
