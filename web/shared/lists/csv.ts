// CSV for spreadsheets (RFC 4180 quoting). Cells that a spreadsheet would run as a
// formula (=, +, -, @ at the start) are defused with a leading apostrophe, since an
// export can contain names and notes typed by anyone.

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell !== 'string') return String(cell);
  return FORMULA_START.test(cell) && !/^[+-]?\d+([.,]\d+)?$/.test(cell) ? `'${cell}` : cell;
}

function quote(text: string, separator: string): string {
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** German spreadsheets expect semicolons (the comma is the decimal mark), English ones commas. */
export function csvSeparatorFor(locale: string): ',' | ';' {
  return locale.startsWith('de') ? ';' : ',';
}

export function toCsv(rows: readonly (readonly CsvCell[])[], separator: ',' | ';' = ','): string {
  return rows.map((row) => row.map((cell) => quote(cellText(cell), separator)).join(separator)).join('\r\n') + '\r\n';
}
