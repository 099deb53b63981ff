/**
 * Spreadsheet-safe export cells. A cell that starts with = + - @ (or a tab / carriage return,
 * which Excel skips before looking for one) is read by Excel and LibreOffice as a formula:
 * `=HYPERLINK("http://…")` or `+cmd|' /C calc'!A0` typed into a citizen's name would run when the
 * province opens the export. Such text gets a leading single quote (OWASP "CSV injection"),
 * which spreadsheets show as plain text. Numbers stay numbers.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string;
export function neutraliseCell(value: number): number;
export function neutraliseCell(value: string | number | boolean | null | undefined): string | number | boolean | null;
export function neutraliseCell(value: string | number | boolean | null | undefined): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One RFC 4180 field: neutralised, quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number | boolean | null | undefined): string {
  const cell = neutraliseCell(value);
  if (cell === null) return '';
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text with CRLF line ends and a UTF-8 BOM, so Excel reads Vietnamese correctly. */
export function toCsv(rows: (string | number | boolean | null | undefined)[][]): string {
  return '\uFEFF' + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
