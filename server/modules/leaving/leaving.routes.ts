import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { serviceContext, type AppDeps } from '../../http/context.ts';
import { IdParams } from '../../http/lists.ts';
import { LeavingSituationInput, LeavingSituationResponse, LeavingSituationView } from './leaving.schemas.ts';
import { getLeavingSituation, saveLeavingSituation } from './leaving.service.ts';

export function leavingRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cases'];
  r.get(
    '/api/cases/:id/leaving-situation',
    { schema: { tags, params: IdParams, response: { 200: LeavingSituationResponse } } },
    (request) => getLeavingSituation(db, serviceContext(request), request.params.id),
  );
  r.put(
    '/api/cases/:id/leaving-situation',
    { schema: { tags, params: IdParams, body: LeavingSituationInput, response: { 200: LeavingSituationView } } },
    (request) => saveLeavingSituation(db, serviceContext(request), request.params.id, request.body),
  );
}
