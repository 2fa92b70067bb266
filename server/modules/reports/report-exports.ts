import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { ProgrammeReport } from './programme.schemas.ts';
import { cellLabel, reportTables, type ReportLanguage } from './report-texts.ts';

// The dashboard's tables as files: counts only, a suppressed count written as "< 5" (never 0).

type Value = number | string;

/** The headline figures: participants, entrants, placed, placement rate, median, savings. */
export function summaryRows(r: ProgrammeReport, lang: ReportLanguage): [string, Value][] {
  const de = lang === 'de';
  const hidden = `< ${r.threshold}`;
  const count = (n: number | null): Value => n ?? hidden;
  const rate = r.placementRate.rate;
  return [
    [de ? 'Zeitraum' : 'Period', `${r.from} – ${r.to}`],
    [de ? 'Teilnehmende' : 'Participants', count(r.participants)],
    [de ? 'Eintritte im Zeitraum' : 'Entrants in the period', count(r.entrants)],
    [de ? 'Vermittelte Personen (erster Arbeitsmarkt)' : 'People placed (first labour market)', count(r.placementRate.placed)],
    [de ? 'Vermittlungsquote (%)' : 'Placement rate (%)', rate === null ? hidden : Math.round(rate * 1000) / 10],
    [de ? 'Median Tage bis zur Vermittlung' : 'Median days to placement', r.medianDaysToPlacement ?? hidden],
    [de ? 'Monate ohne Leistungen (Annahme)' : 'Months without benefits (assumption)', r.savings.monthsWithoutBenefits],
    [de ? 'Betrag pro Person und Monat (€)' : 'Amount per person and month (€)', r.savings.monthlyAmountPerPerson],
    [de ? 'Betrag pro Haushalt und Monat (€)' : 'Amount per household and month (€)', r.savings.monthlyAmountPerHousehold],
    [de ? 'Geschätzte Einsparung (€)' : 'Estimated savings (€)', r.savings.total ?? hidden],
  ];
}

/** Every table as rows of [table, row label, count]. */
function tableRows(r: ProgrammeReport, lang: ReportLanguage): [string, string, Value][] {
  const hidden = `< ${r.threshold}`;
  return reportTables(r, lang).flatMap((t) =>
    t.cells.map((c): [string, string, Value] => [t.title, cellLabel(t, c.key), c.count ?? hidden]),
  );
}

export function reportCsv(r: ProgrammeReport, lang: ReportLanguage): Buffer {
  const de = lang === 'de';
  const header = de ? ['Tabelle', 'Merkmal', 'Anzahl'] : ['Table', 'Row', 'Count'];
  const overview = de ? 'Übersicht' : 'Overview';
  const rows = [header, ...summaryRows(r, lang).map(([label, value]) => [overview, label, value]), ...tableRows(r, lang)];
  // A byte order mark for Excel; semicolons for German Excel, which reads commas as decimal separators.
  return Buffer.concat([Buffer.from('\uFEFF'), Buffer.from(stringify(rows, { delimiter: de ? ';' : ',' }))]);
}

export async function reportXlsx(r: ProgrammeReport, lang: ReportLanguage): Promise<Buffer> {
  const de = lang === 'de';
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lotse';
  const overview = workbook.addWorksheet(de ? 'Übersicht' : 'Overview');
  overview.columns = [
    { header: de ? 'Kennzahl' : 'Figure', width: 48 },
    { header: de ? 'Wert' : 'Value', width: 24 },
  ];
  overview.getRow(1).font = { bold: true };
  for (const row of summaryRows(r, lang)) overview.addRow(row);
  for (const t of reportTables(r, lang)) {
    const sheet = workbook.addWorksheet(t.sheet);
    sheet.columns = [
      { header: t.label, width: 40 },
      { header: de ? 'Anzahl' : 'Count', width: 14 },
    ];
    sheet.getRow(1).font = { bold: true };
    for (const c of t.cells) sheet.addRow([cellLabel(t, c.key), c.count ?? `< ${r.threshold}`]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
