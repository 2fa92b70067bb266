import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { serviceContext, type AppDeps } from '../../http/context.ts';
import { IdParams } from '../../http/lists.ts';
import { ParticipantListQuery, ParticipantPage, ParticipantView } from './participants.schemas.ts';
import * as service from './participants.service.ts';

export function participantRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['participants'];
  r.get('/api/participants', { schema: { tags, querystring: ParticipantListQuery, response: { 200: ParticipantPage } } }, (request) =>
    service.listParticipants(db, serviceContext(request), request.query),
  );
  r.get('/api/participants/:id', { schema: { tags, params: IdParams, response: { 200: ParticipantView } } }, (request) =>
    service.getParticipant(db, serviceContext(request), request.params.id),
  );
}
