import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { Invalid } from '../../errors.ts';

export interface Table {
  headers: string[];
  /** Data rows as text, one entry per header; row 1 of the file is the header row. */
  rows: string[][];
  /** How a CSV file was read (for the preview). */
  encoding?: 'utf-8' | 'windows-1252';
}

export const MAX_ROWS = 200_000;

/**
 * A CSV file as text. Offices export from Excel in Windows-1252 as often as in UTF-8:
 * a file that is not valid UTF-8 is read as Windows-1252, which every byte sequence is.
 */
export function decodeCsv(bytes: Buffer): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** The separator that the header line uses most: German Excel writes semicolons. */
function detectDelimiter(text: string): string {
  const end = text.search(/\r?\n/);
  const firstLine = end === -1 ? text : text.slice(0, end);
  const counts = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![0];
}

export function parseCsv(bytes: Buffer): Table {
  const { text, encoding } = decodeCsv(bytes);
  let records: string[][];
  try {
    records = parse(text, { delimiter: detectDelimiter(text), skip_empty_lines: true, relax_column_count: true, trim: true, bom: true });
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw new Invalid('The file is not a readable CSV file', { file: [`${(err as Error).message}${line ? ` (line ${line})` : ''}`] });
  }
  return toTable(records, encoding);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result);
    if ('text' in value) return String(value.text);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    return '';
  }
  return String(value).trim();
}

export async function parseXlsx(bytes: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new Invalid('The file is not a readable XLSX file', { file: ['Not a readable XLSX file'] });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Invalid('The workbook has no sheet', { file: ['The workbook has no sheet'] });
  const records: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) values.push(cellText(row.getCell(c).value));
    records.push(values);
  });
  return toTable(records);
}

function toTable(records: string[][], encoding?: Table['encoding']): Table {
  const [headerRow, ...rows] = records;
  if (!headerRow || headerRow.every((h) => !h))
    throw new Invalid('The file has no header row', { file: ['The first row must name the columns'] });
  if (rows.length === 0) throw new Invalid('The file has no data rows', { file: ['The file has no data rows'] });
  if (rows.length > MAX_ROWS) throw new Invalid(`At most ${MAX_ROWS} rows per file`, { file: [`At most ${MAX_ROWS} rows per file`] });
  const headers = headerRow.map((h, i) => h || `Spalte ${i + 1}`);
  return { headers, rows: rows.map((r) => headers.map((_, i) => r[i] ?? '')), encoding };
}
