// RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote or line break,
// quotes doubled. A text cell starting with = + - @ (or a tab / carriage return) is read
// as a formula by spreadsheets, so it gets a leading apostrophe (OWASP's advice).

export type CsvValue = string | number | boolean | null | undefined | Date;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let text: string;
  if (value instanceof Date) text = value.toISOString();
  else if (typeof value === "number" || typeof value === "boolean") text = String(value);
  else text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
