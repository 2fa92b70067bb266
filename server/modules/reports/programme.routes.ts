import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { serviceContext, type AppDeps } from '../../http/context.ts';
import { programmeReport } from './programme.ts';
import { ProgrammeQuery, ProgrammeReport, ReportFileQuery, ReportOptions } from './programme.schemas.ts';
import { reportOptions } from './report-options.ts';
import { programmePdf, programmeTables } from './report-files.ts';
import { ReportSettingsUpdate, ReportSettingsView } from './savings.schemas.ts';
import { getReportSettings, updateReportSettings } from './savings.ts';

// The programme dashboard, its files and the savings estimate's settings.

export function programmeRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];
  r.get('/api/reports/programme', { schema: { tags, querystring: ProgrammeQuery, response: { 200: ProgrammeReport } } }, (request) =>
    programmeReport(db, serviceContext(request), request.query),
  );
  r.get('/api/reports/programme/tables', { schema: { tags, querystring: ProgrammeQuery.and(ReportFileQuery) } }, async (request, reply) => {
    const { format, ...query } = request.query;
    const lang = request.headers['accept-language']?.startsWith('en') ? 'en' : 'de';
    const file = await programmeTables(db, serviceContext(request), query, format, lang);
    const name = `programmbericht-${query.from}-${query.to}.${format}`;
    void reply.header(
      'content-type',
      format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    void reply.header('content-disposition', `attachment; filename="${name}"`);
    return reply.send(file);
  });
  r.get(
    '/api/reports/programme/pdf',
    { schema: { tags, querystring: ProgrammeQuery, produces: ['application/pdf'] } },
    async (request, reply) => {
      const pdf = await programmePdf(db, serviceContext(request), request.query);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="programmbericht-${request.query.from}-${request.query.to}.pdf"`)
        .send(Buffer.from(pdf));
    },
  );
  r.get('/api/reports/programme/options', { schema: { tags, response: { 200: ReportOptions } } }, (request) =>
    reportOptions(db, serviceContext(request)),
  );
  r.get('/api/reports/settings', { schema: { tags, response: { 200: ReportSettingsView } } }, (request) =>
    getReportSettings(db, serviceContext(request)),
  );
  r.put('/api/reports/settings', { schema: { tags, body: ReportSettingsUpdate, response: { 200: ReportSettingsView } } }, (request) =>
    updateReportSettings(db, serviceContext(request), request.body),
  );
}
