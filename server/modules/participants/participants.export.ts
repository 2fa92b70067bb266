import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { ParticipantListItem } from './participants.schemas.ts';

// The list as a file: exactly the columns the list shows, no more (no health data, no
// contact details), with headers in the user's language.

const COLUMNS: { key: keyof ParticipantListItem; de: string; en: string }[] = [
  { key: 'familyName', de: 'Familienname', en: 'Family name' },
  { key: 'givenNames', de: 'Vornamen', en: 'Given names' },
  { key: 'preferredName', de: 'Rufname', en: 'Preferred name' },
  { key: 'birthDate', de: 'Geburtsdatum', en: 'Date of birth' },
  { key: 'gender', de: 'Geschlecht', en: 'Gender' },
  { key: 'germanLevel', de: 'Deutschniveau', en: 'German level' },
  { key: 'officeName', de: 'Fallmanagement', en: 'Case management office' },
  { key: 'cityName', de: 'Stadt', en: 'City' },
  { key: 'caseStatus', de: 'Fallstatus', en: 'Case status' },
  { key: 'caseManagerName', de: 'Fallmanager/in', en: 'Case manager' },
  { key: 'entryDate', de: 'Eintritt', en: 'Entry date' },
  { key: 'residenceTitle', de: 'Aufenthaltstitel', en: 'Residence title' },
  { key: 'residenceValidUntil', de: 'Gültig bis', en: 'Valid until' },
];

export function exportCsv(items: ParticipantListItem[], locale: string): Buffer {
  const header = COLUMNS.map((c) => (locale === 'de' ? c.de : c.en));
  const rows = items.map((item) => COLUMNS.map((c) => item[c.key] ?? ''));
  // A byte order mark, so that Excel opens umlauts and Arabic names correctly; semicolons
  // for German Excel, which reads commas as decimal separators.
  return Buffer.concat([Buffer.from('\uFEFF'), Buffer.from(stringify([header, ...rows], { delimiter: locale === 'de' ? ';' : ',' }))]);
}

export async function exportXlsx(items: ParticipantListItem[], locale: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lotse';
  const sheet = workbook.addWorksheet(locale === 'de' ? 'Teilnehmende' : 'Participants');
  sheet.columns = COLUMNS.map((c) => ({ header: locale === 'de' ? c.de : c.en, key: c.key, width: 18 }));
  sheet.getRow(1).font = { bold: true };
  for (const item of items) sheet.addRow(item);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
