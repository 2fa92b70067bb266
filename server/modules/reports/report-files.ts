import type { Db } from '../../db/database.ts';
import type { ServiceContext } from '../../http/context.ts';
import { programmeReport } from './programme.ts';
import type { ProgrammeQuery } from './programme.schemas.ts';
import { reportCsv, reportXlsx } from './report-exports.ts';
import { renderReportPdf } from './report-pdf.ts';
import type { ReportLanguage } from './report-texts.ts';

// The dashboard as files: its tables as CSV or XLSX, the programme report as PDF. Each goes
// through programmeReport, so access, suppression and the audit row are the dashboard's own.

export async function programmeTables(db: Db, ctx: ServiceContext, q: ProgrammeQuery, format: 'csv' | 'xlsx', lang: ReportLanguage) {
  const report = await programmeReport(db, ctx, q, undefined, format);
  return format === 'csv' ? reportCsv(report, lang) : reportXlsx(report, lang);
}

/** The filters in words for the PDF's head: the names of city, organisation and funding period. */
async function filterWords(db: Db, networkId: string, q: ProgrammeQuery): Promise<string[]> {
  const name = async (table: 'cities' | 'organisations' | 'funding_periods', id: string | undefined) =>
    id
      ? (await db.selectFrom(table).select('name').where('network_id', '=', networkId).where('id', '=', id).executeTakeFirst())?.name
      : undefined;
  const words: string[] = [];
  const city = await name('cities', q.cityId);
  const organisation = await name('organisations', q.organisationId);
  const period = await name('funding_periods', q.fundingPeriodId);
  if (city) words.push(`Stadt: ${city}`);
  if (organisation) words.push(`Organisation: ${organisation}`);
  if (period) words.push(`Förderperiode: ${period}`);
  return words;
}

export async function programmePdf(db: Db, ctx: ServiceContext, q: ProgrammeQuery): Promise<Uint8Array> {
  const report = await programmeReport(db, ctx, q, undefined, 'pdf');
  const network = await db.selectFrom('networks').select('name').where('id', '=', ctx.networkId).executeTakeFirstOrThrow();
  return renderReportPdf({ report, networkName: network.name, filters: await filterWords(db, ctx.networkId, q) });
}
