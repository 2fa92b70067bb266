import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { serviceContext, type AppDeps } from '../../http/context.ts';
import { IdParams } from '../../http/lists.ts';
import { applicationCoaching } from './plan-jobs.ts';
import {
  ApplicationCoachingView,
  PlanDiff,
  PlanDiffQuery,
  PlanDraftInput,
  PlanFinaliseInput,
  PlanOverview,
  PlanPdfQuery,
  PlanVersionView,
  StepStatusInput,
  StepTypeCreateInput,
  StepTypeView,
  StepView,
} from './plans.schemas.ts';
import * as service from './plans.service.ts';

export function planRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['plans'];
  r.get('/api/step-types', { schema: { tags, response: { 200: z.array(StepTypeView) } } }, (request) =>
    service.listStepTypes(db, serviceContext(request)),
  );
  r.post('/api/step-types', { schema: { tags, body: StepTypeCreateInput, response: { 201: StepTypeView } } }, async (request, reply) =>
    reply.code(201).send(await service.createStepType(db, serviceContext(request), request.body)),
  );
  r.get('/api/participants/:id/plan', { schema: { tags, params: IdParams, response: { 200: PlanOverview } } }, (request) =>
    service.getPlan(db, serviceContext(request), request.params.id),
  );
  r.get(
    '/api/participants/:id/application-coaching',
    { schema: { tags, params: IdParams, response: { 200: ApplicationCoachingView } } },
    (request) => applicationCoaching(db, serviceContext(request), request.params.id),
  );
  r.post('/api/participants/:id/plan/draft', { schema: { tags, params: IdParams, response: { 200: PlanVersionView } } }, (request) =>
    service.startDraft(db, serviceContext(request), request.params.id),
  );
  r.get('/api/plan-versions/:id', { schema: { tags, params: IdParams, response: { 200: PlanVersionView } } }, (request) =>
    service.getPlanVersion(db, serviceContext(request), request.params.id),
  );
  r.put(
    '/api/plan-versions/:id',
    { schema: { tags, params: IdParams, body: PlanDraftInput, response: { 200: PlanVersionView } } },
    (request) => service.saveDraft(db, serviceContext(request), request.params.id, request.body),
  );
  r.post(
    '/api/plan-versions/:id/finalise',
    { schema: { tags, params: IdParams, body: PlanFinaliseInput, response: { 200: PlanVersionView } } },
    (request) => service.finalisePlan(db, serviceContext(request), request.params.id, request.body),
  );
  r.get('/api/plan-diff', { schema: { tags, querystring: PlanDiffQuery, response: { 200: PlanDiff } } }, (request) =>
    service.diffVersions(db, serviceContext(request), request.query.from, request.query.to),
  );
  r.patch('/api/plan-steps/:id', { schema: { tags, params: IdParams, body: StepStatusInput, response: { 200: StepView } } }, (request) =>
    service.updateStepStatus(db, serviceContext(request), request.params.id, request.body),
  );
  r.get(
    '/api/plan-versions/:id/pdf',
    { schema: { tags, params: IdParams, querystring: PlanPdfQuery, produces: ['application/pdf'] } },
    async (request, reply) => {
      const pdf = await service.printPlan(db, serviceContext(request), request.params.id, request.query.language);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="foerderplan-${request.query.language}.pdf"`)
        .send(Buffer.from(pdf));
    },
  );
}
