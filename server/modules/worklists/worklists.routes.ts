import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { serviceContext, type AppDeps } from '../../http/context.ts';
import { WeekQuery, WeekView } from './worklists.schemas.ts';
import { getWeek } from './worklists.service.ts';

export function worklistRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/my-week', { schema: { tags: ['worklists'], querystring: WeekQuery, response: { 200: WeekView } } }, (request) =>
    getWeek(db, serviceContext(request), request.query.days),
  );
}
