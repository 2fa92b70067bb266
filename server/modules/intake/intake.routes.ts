import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { serviceContext, type AppDeps } from '../../http/context.ts';
import { IdParams } from '../../http/lists.ts';
import { IntakeSectionInput, IntakeSectionParams, IntakeView } from './intake.schemas.ts';
import * as service from './intake.service.ts';

export function intakeRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['intake'];
  r.get('/api/participants/:id/intake', { schema: { tags, params: IdParams, response: { 200: IntakeView.nullable() } } }, (request) =>
    service.getIntake(db, serviceContext(request), request.params.id),
  );
  r.put(
    '/api/participants/:id/intake/:section',
    { schema: { tags, params: IntakeSectionParams, body: IntakeSectionInput, response: { 200: IntakeView } } },
    (request) => service.saveIntakeSection(db, serviceContext(request), request.params.id, request.params.section, request.body),
  );
}
