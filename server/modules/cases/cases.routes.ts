import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { serviceContext, type AppDeps } from '../../http/context.ts';
import { IdParams } from '../../http/lists.ts';
import { CaseView } from '../participants/participants.schemas.ts';
import { CaseUpdateInput } from './cases.schemas.ts';
import { updateCase } from './cases.service.ts';

export function caseRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.patch(
    '/api/cases/:id',
    { schema: { tags: ['cases'], params: IdParams, body: CaseUpdateInput, response: { 200: CaseView } } },
    (request) => updateCase(db, serviceContext(request), request.params.id, request.body),
  );
}
