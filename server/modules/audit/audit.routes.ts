import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { serviceContext, type AppDeps } from '../../http/context.ts';
import { AuditListQuery, AuditPage } from './audit.schemas.ts';
import { listAuditLog } from './audit.service.ts';

export function auditRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/audit-events', { schema: { tags: ['audit'], querystring: AuditListQuery, response: { 200: AuditPage } } }, (request) =>
    listAuditLog(db, serviceContext(request), request.query),
  );
}
