/**
 * RFC 4180 CSV. A cell that a spreadsheet would read as a formula (=, +, -, @, a tab or a carriage
 * return first) gets a leading apostrophe: titles and names are typed by sellers and shoppers.
 */
export function csvCell(value: string | number | null | undefined): string {
  let s = value == null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows as a CSV file, CRLF line ends and a UTF-8 byte-order mark so that spreadsheets read Hangul right. */
export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return `\ufeff${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
