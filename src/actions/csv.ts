/**
 * CSV as RFC 4180 describes it: CRLF line ends; a field holding a comma, a double quote, CR or
 * LF is quoted, with inner quotes doubled.
 *
 * Spreadsheets execute a cell that starts with =, +, -, @ (or a tab or CR, which some strip
 * first) as a formula (OWASP "CSV Injection"). Such a field is prefixed with an apostrophe so it
 * opens as text. Every field is treated this way: exports carry supporter-entered names.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: ReadonlyArray<string | number | null | undefined>): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
