/** Characters a spreadsheet reads as the start of a formula (or that hide one behind them). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: a value a spreadsheet would run as a formula gets a leading `'` (so
 * `=HYPERLINK(…)` in a description stays text), then RFC 4180 quoting when the cell
 * holds a comma, a quote or a line break.
 */
function csvCell(value: string | null | undefined): string {
  let cell = value ?? "";
  if (FORMULA_START.test(cell)) cell = `'${cell}`;
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** One CRLF-terminated CSV record (RFC 4180). */
export function toCsvLine(cells: readonly (string | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
