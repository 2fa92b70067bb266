import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { serviceContext, type AppDeps } from '../../http/context.ts';
import { IdParams } from '../../http/lists.ts';
import {
  DuplicateCandidate,
  DuplicateCheckInput,
  DuplicatePair,
  MergeInput,
  MergeListQuery,
  MergePage,
  MergePreview,
  MergeView,
} from './duplicates.schemas.ts';
import * as duplicates from './duplicates.service.ts';
import * as merges from './merge.service.ts';

export function duplicateRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['duplicates'];
  r.post(
    '/api/participants/duplicate-check',
    { schema: { tags, body: DuplicateCheckInput, response: { 200: z.array(DuplicateCandidate) } } },
    (request) => duplicates.checkDuplicates(db, serviceContext(request), request.body),
  );
  r.get('/api/duplicates', { schema: { tags, response: { 200: z.array(DuplicatePair) } } }, (request) =>
    duplicates.listDuplicatePairs(db, serviceContext(request)),
  );
  r.post(
    '/api/duplicates/dismiss',
    { schema: { tags, body: z.object({ ids: z.tuple([z.uuid(), z.uuid()]) }), response: { 200: z.object({ ok: z.literal(true) }) } } },
    async (request) => {
      await duplicates.dismissPair(db, serviceContext(request), request.body.ids);
      return { ok: true as const };
    },
  );
  r.get(
    '/api/participants/:id/merge-preview',
    { schema: { tags, params: IdParams, querystring: z.object({ with: z.uuid() }), response: { 200: MergePreview } } },
    (request) => merges.previewMerge(db, serviceContext(request), request.params.id, request.query.with),
  );
  r.post('/api/participants/:id/merge', { schema: { tags, params: IdParams, body: MergeInput, response: { 200: MergeView } } }, (request) =>
    merges.mergeParticipants(db, serviceContext(request), request.params.id, request.body),
  );
  r.get('/api/merges', { schema: { tags, querystring: MergeListQuery, response: { 200: MergePage } } }, (request) =>
    merges.listMerges(db, serviceContext(request), request.query),
  );
  r.post('/api/merges/:id/undo', { schema: { tags, params: IdParams, response: { 200: MergeView } } }, (request) =>
    merges.undoMerge(db, serviceContext(request), request.params.id),
  );
}
