import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { serviceContext, type AppDeps } from '../../http/context.ts';
import { IdParams } from '../../http/lists.ts';
import { DueFollowUp, DueFollowUpQuery, FollowUpInput, FollowUpView, PlacementCreateInput, PlacementView } from './placements.schemas.ts';
import * as service from './placements.service.ts';

export function placementRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['placements'];
  r.get('/api/participants/:id/placements', { schema: { tags, params: IdParams, response: { 200: z.array(PlacementView) } } }, (request) =>
    service.listPlacements(db, serviceContext(request), request.params.id),
  );
  r.post(
    '/api/participants/:id/placements',
    { schema: { tags, params: IdParams, body: PlacementCreateInput, response: { 201: PlacementView } } },
    async (request, reply) =>
      reply.code(201).send(await service.createPlacement(db, serviceContext(request), request.params.id, request.body)),
  );
  r.patch(
    '/api/placement-follow-ups/:id',
    { schema: { tags, params: IdParams, body: FollowUpInput, response: { 200: FollowUpView } } },
    (request) => service.recordFollowUp(db, serviceContext(request), request.params.id, request.body),
  );
  r.get(
    '/api/placement-follow-ups/due',
    { schema: { tags, querystring: DueFollowUpQuery, response: { 200: z.array(DueFollowUp) } } },
    (request) => service.dueFollowUps(db, serviceContext(request), request.query.days),
  );
}
