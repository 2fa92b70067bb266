import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { serviceContext, type AppDeps } from '../../http/context.ts';
import { IdParams } from '../../http/lists.ts';
import { EmployabilityInput, EmployabilityView } from './employability.schemas.ts';
import * as service from './employability.service.ts';

export function employabilityRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['employability'];
  r.get(
    '/api/participants/:id/employability-check',
    { schema: { tags, params: IdParams, response: { 200: EmployabilityView.nullable() } } },
    (request) => service.getEmployability(db, serviceContext(request), request.params.id),
  );
  r.put(
    '/api/participants/:id/employability-check',
    { schema: { tags, params: IdParams, body: EmployabilityInput, response: { 200: EmployabilityView } } },
    (request) => service.saveEmployability(db, serviceContext(request), request.params.id, request.body),
  );
}
