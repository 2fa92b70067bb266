import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { serviceContext, type AppDeps } from '../../http/context.ts';
import { FundingPeriodCreateInput, FundingPeriodView, SkillCreateInput, SkillView } from './catalogues.schemas.ts';
import * as service from './catalogues.service.ts';

export function catalogueRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['catalogues'];
  r.get('/api/skills', { schema: { tags, response: { 200: z.array(SkillView) } } }, (request) =>
    service.listSkills(db, serviceContext(request)),
  );
  r.post('/api/skills', { schema: { tags, body: SkillCreateInput, response: { 201: SkillView } } }, async (request, reply) =>
    reply.code(201).send(await service.createSkill(db, serviceContext(request), request.body)),
  );
  r.get('/api/funding-periods', { schema: { tags, response: { 200: z.array(FundingPeriodView) } } }, (request) =>
    service.listFundingPeriods(db, serviceContext(request)),
  );
  r.post(
    '/api/funding-periods',
    { schema: { tags, body: FundingPeriodCreateInput, response: { 201: FundingPeriodView } } },
    async (request, reply) => reply.code(201).send(await service.createFundingPeriod(db, serviceContext(request), request.body)),
  );
}
