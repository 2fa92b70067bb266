import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { serviceContext, type AppDeps } from '../../http/context.ts';
import { IdParams } from '../../http/lists.ts';
import { getCandidate } from './candidate-view.ts';
import { CandidateProfileView, ProposalCreateInput, ProposalListQuery, ProposalStageInput, ProposalView } from './proposals.schemas.ts';
import * as service from './proposals.service.ts';

export function proposalRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['proposals'];
  r.get('/api/proposals', { schema: { tags, querystring: ProposalListQuery, response: { 200: z.array(ProposalView) } } }, (request) =>
    service.listProposals(db, serviceContext(request), request.query),
  );
  r.post('/api/proposals', { schema: { tags, body: ProposalCreateInput, response: { 201: ProposalView } } }, async (request, reply) =>
    reply.code(201).send(await service.createProposal(db, serviceContext(request), request.body)),
  );
  r.get('/api/proposals/:id', { schema: { tags, params: IdParams, response: { 200: ProposalView } } }, (request) =>
    service.getProposal(db, serviceContext(request), request.params.id),
  );
  r.post(
    '/api/proposals/:id/stage',
    { schema: { tags, params: IdParams, body: ProposalStageInput, response: { 200: ProposalView } } },
    (request) => service.moveStage(db, serviceContext(request), request.params.id, request.body),
  );
  r.get('/api/proposals/:id/candidate', { schema: { tags, params: IdParams, response: { 200: CandidateProfileView } } }, (request) =>
    getCandidate(db, serviceContext(request), request.params.id),
  );
}
