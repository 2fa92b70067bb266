import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { serviceContext, type AppDeps } from '../../http/context.ts';
import { esfReport } from './esf.ts';
import { programmeRoutes } from './programme.routes.ts';
import { EsfReport, EsfReportQuery } from './esf.schemas.ts';
import { OverviewReport } from './reports.schemas.ts';
import { overview } from './reports.service.ts';

export function reportRoutes(app: FastifyInstance, { db, config }: AppDeps): void {
  // The programme dashboard, its files and the savings settings (programme.routes.ts).
  programmeRoutes(app, { db, config });
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/reports/overview', { schema: { tags: ['reports'], response: { 200: OverviewReport } } }, (request) =>
    overview(db, serviceContext(request)),
  );
  r.get('/api/reports/esf', { schema: { tags: ['reports'], querystring: EsfReportQuery, response: { 200: EsfReport } } }, (request) =>
    esfReport(db, serviceContext(request), request.query),
  );
}
