import { isolate } from '../../pdf/bidi-text.ts';
import { DATE_FORMATS, printDate } from '../../pdf/dates.ts';
import { openDocument } from '../../pdf/document.ts';
import {
  CONTENT_WIDTH,
  ensureRoom,
  footers,
  GREY,
  heading,
  lineHeight,
  PAGE,
  paragraph,
  singleLine,
  titleBlock,
  type Writer,
} from '../../pdf/page-writer.ts';
import type { ProgrammeReport } from './programme.schemas.ts';
import { summaryRows } from './report-exports.ts';
import { cellLabel, reportTables, type ReportTable } from './report-texts.ts';

// The programme report (Programmbericht) as an A4 PDF in German: the headline figures, the
// savings estimate with its assumptions, then every table of the dashboard as vector bars with
// its numbers beside them. Counts only; a suppressed count prints as "< 5".

export interface ReportPdfInput {
  report: ProgrammeReport;
  networkName: string;
  /** The filters in words, e.g. "Stadt: Wuppertal". */
  filters: string[];
}

const de = new Intl.NumberFormat('de-DE');
const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

/** One table as labelled bars: label on the start side, the number, then the bar. */
function bars(w: Writer, table: ReportTable, hidden: string) {
  const height = lineHeight(w, w.size) + 2;
  const max = Math.max(1, ...table.cells.map((c) => c.count ?? 0));
  const label = { x: PAGE.marginX, width: CONTENT_WIDTH * 0.42 };
  const number = { x: label.x + label.width, width: CONTENT_WIDTH * 0.12 };
  const barX = number.x + number.width + 8;
  const barWidth = PAGE.marginX + CONTENT_WIDTH - barX;
  heading(w, table.title, 2 * height);
  if (table.cells.length === 0) paragraph(w, 'Keine Angaben im Zeitraum.', { size: w.size, color: GREY });
  for (const cell of table.cells) {
    ensureRoom(w, height);
    const baseline = w.y + w.size * w.baseline;
    singleLine(w, isolate(cellLabel(table, cell.key)), { size: w.size }, label, baseline, 'start');
    singleLine(w, cell.count === null ? hidden : de.format(cell.count), { size: w.size }, number, baseline, 'end');
    if (cell.count !== null && cell.count > 0) w.doc.rect(barX, w.y + 2, (cell.count / max) * barWidth, height - 5).fill('#1c7ed6');
    w.y += height;
  }
}

export async function renderReportPdf(input: ReportPdfInput): Promise<Uint8Array> {
  const r = input.report;
  const hidden = `< ${r.threshold}`;
  const date = (value: string) => printDate(DATE_FORMATS.de, value, 'period');
  const { w, finish } = await openDocument({ language: 'de', dir: 'ltr', title: 'Programmbericht', author: input.networkName });
  const body = { size: w.size };

  titleBlock(w, isolate(input.networkName), `Programmbericht ${date(r.from)} bis ${date(r.to)}`);
  w.y += w.size * 0.6;
  paragraph(w, input.filters.length ? `Auswahl: ${input.filters.join(' · ')}` : 'Auswahl: das ganze Netzwerk, alle Städte', body, {
    after: 4,
  });
  paragraph(
    w,
    'Teilnehmende sind Personen, deren Fall an mindestens einem Tag des Zeitraums offen war; jede Person zählt einmal. ' +
      'Vermittelt ist, wer im Zeitraum eine Stelle oder Ausbildung auf dem ersten Arbeitsmarkt angetreten hat (ohne Minijobs). ' +
      `Zahlen unter ${r.threshold} und Zahlen, aus denen sie sich errechnen ließen, werden als „${hidden}“ gezeigt.`,
    body,
  );

  heading(w, 'Kennzahlen');
  for (const [label, value] of summaryRows(r, 'de').slice(1, 6))
    paragraph(w, `${label}: ${typeof value === 'number' ? de.format(value) : value}`, body);

  heading(w, 'Geschätzte Einsparungen für den kommunalen Haushalt');
  const s = r.savings;
  paragraph(
    w,
    s.total === null
      ? `Die Schätzung entfällt, weil die Zahl der Vermittelten verborgen ist (${hidden}).`
      : `${de.format(s.placed ?? 0)} vermittelte Personen × ${s.monthsWithoutBenefits} Monate ohne Leistungen × ` +
          `(${euro.format(s.monthlyAmountPerPerson)} pro Person + ${euro.format(s.monthlyAmountPerHousehold)} pro Haushalt) = ${euro.format(s.total)}.`,
    { size: w.size, bold: true },
    { after: 2 },
  );
  paragraph(
    w,
    s.isDefault
      ? `Annahmen: Das Netzwerk hat noch keine eigenen Beträge festgelegt. Angenommen sind ${s.monthsWithoutBenefits} Monate ohne Leistungen, ` +
          `der Regelbedarf einer alleinstehenden Person (Regelbedarfsstufe 1, § 20 SGB II: ${euro.format(s.monthlyAmountPerPerson)} im Monat) ` +
          `und ${euro.format(s.monthlyAmountPerHousehold)} Kosten der Unterkunft und Heizung je Haushalt; jede vermittelte Person zählt als ein Haushalt.`
      : 'Annahmen: Monate und Beträge hat das Netzwerk in den Einstellungen der Auswertungen festgelegt. Jede vermittelte Person zählt als ein Haushalt.',
    { size: w.size * 0.9, color: GREY },
  );

  for (const table of reportTables(r, 'de')) bars(w, table, hidden);

  footers(w, `Programmbericht · ${isolate(input.networkName)}`, (page, pages) => `Seite ${page} von ${pages}`);
  return finish();
}
