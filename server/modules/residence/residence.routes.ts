import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { serviceContext, type AppDeps } from '../../http/context.ts';
import { IdParams } from '../../http/lists.ts';
import { DeadlineQuery, DeadlineView, ResidenceCreateInput, ResidenceUpdateInput, ResidenceView } from './residence.schemas.ts';
import * as service from './residence.service.ts';

export function residenceRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['residence'];
  r.get(
    '/api/participants/:id/residence-statuses',
    { schema: { tags, params: IdParams, response: { 200: z.array(ResidenceView) } } },
    (request) => service.listResidence(db, serviceContext(request), request.params.id),
  );
  r.post(
    '/api/participants/:id/residence-statuses',
    { schema: { tags, params: IdParams, body: ResidenceCreateInput, response: { 201: ResidenceView } } },
    async (request, reply) =>
      reply.code(201).send(await service.addResidence(db, serviceContext(request), request.params.id, request.body)),
  );
  r.patch(
    '/api/residence-statuses/:id',
    { schema: { tags, params: IdParams, body: ResidenceUpdateInput, response: { 200: ResidenceView } } },
    (request) => service.updateResidence(db, serviceContext(request), request.params.id, request.body),
  );
  r.get('/api/deadlines', { schema: { tags, querystring: DeadlineQuery, response: { 200: z.array(DeadlineView) } } }, (request) =>
    service.listDeadlines(db, serviceContext(request), { withinDays: request.query.withinDays, mine: request.query.mine === 'true' }),
  );
  r.get(
    '/api/participants/:id/deadlines',
    { schema: { tags, params: IdParams, querystring: DeadlineQuery, response: { 200: z.array(DeadlineView) } } },
    (request) =>
      service.listDeadlines(db, serviceContext(request), {
        withinDays: request.query.withinDays,
        participantId: request.params.id,
        mine: false,
      }),
  );
}
