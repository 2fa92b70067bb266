import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { serviceContext, type AppDeps } from '../../http/context.ts';
import { esfReport } from './esf.ts';
import { esfCsv, esfXlsx } from './esf.exports.ts';
import { EsfExportQuery, EsfReport, EsfReportQuery } from './esf.schemas.ts';
import { programmeRoutes } from './programme.routes.ts';
import { OverviewReport } from './reports.schemas.ts';
import { overview } from './reports.service.ts';

const periodOf = ({ language: _, ...period }: EsfExportQuery): EsfReportQuery => period;

export function reportRoutes(app: FastifyInstance, { db, config }: AppDeps): void {
  // The programme dashboard, its files and the savings settings (programme.routes.ts).
  programmeRoutes(app, { db, config });
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/reports/overview', { schema: { tags: ['reports'], response: { 200: OverviewReport } } }, (request) =>
    overview(db, serviceContext(request)),
  );

  // ESF+ indicators: the figures, and the same tables as CSV and XLSX.
  r.get('/api/reports/esf', { schema: { tags: ['reports'], querystring: EsfReportQuery, response: { 200: EsfReport } } }, (request) =>
    esfReport(db, serviceContext(request), request.query),
  );
  r.get('/api/reports/esf.csv', { schema: { tags: ['reports'], querystring: EsfExportQuery } }, async (request, reply) => {
    const report = await esfReport(db, serviceContext(request), periodOf(request.query), undefined, 'csv');
    const locale = request.query.language ?? (request.headers['accept-language']?.startsWith('en') ? 'en' : 'de');
    void reply.header('content-type', 'text/csv; charset=utf-8');
    void reply.header('content-disposition', `attachment; filename="esf-${report.from}-${report.to}.csv"`);
    return reply.send(esfCsv(report, locale));
  });
  r.get('/api/reports/esf.xlsx', { schema: { tags: ['reports'], querystring: EsfExportQuery } }, async (request, reply) => {
    const report = await esfReport(db, serviceContext(request), periodOf(request.query), undefined, 'xlsx');
    const locale = request.query.language ?? (request.headers['accept-language']?.startsWith('en') ? 'en' : 'de');
    void reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    void reply.header('content-disposition', `attachment; filename="esf-${report.from}-${report.to}.xlsx"`);
    return reply.send(await esfXlsx(report, locale));
  });
}
