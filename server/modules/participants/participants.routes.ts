import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { today } from '../../dates.ts';
import { serviceContext, type AppDeps } from '../../http/context.ts';
import { IdParams } from '../../http/lists.ts';
import { CaseEventView } from '../timeline/timeline.schemas.ts';
import { exportCsv, exportXlsx } from './participants.export.ts';
import {
  CaseManagerOption,
  ExportQuery,
  ParticipantCreateInput,
  ParticipantListQuery,
  ParticipantPage,
  ParticipantSummary,
  ParticipantUpdateInput,
  ParticipantView,
} from './participants.schemas.ts';
import * as service from './participants.service.ts';

export function participantRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['participants'];
  r.get('/api/participants', { schema: { tags, querystring: ParticipantListQuery, response: { 200: ParticipantPage } } }, (request) =>
    service.listParticipants(db, serviceContext(request), request.query),
  );
  r.post(
    '/api/participants',
    { schema: { tags, body: ParticipantCreateInput, response: { 201: ParticipantView } } },
    async (request, reply) => reply.code(201).send(await service.createParticipant(db, serviceContext(request), request.body)),
  );
  r.get('/api/participants/export', { schema: { tags, querystring: ExportQuery } }, async (request, reply) => {
    const ctx = serviceContext(request);
    const { format, ...query } = request.query;
    const items = await service.listForExport(db, ctx, query);
    const locale = request.headers['accept-language']?.startsWith('en') ? 'en' : 'de';
    const stamp = today();
    if (format === 'xlsx') {
      void reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      void reply.header('content-disposition', `attachment; filename="teilnehmende-${stamp}.xlsx"`);
      return reply.send(await exportXlsx(items, locale));
    }
    void reply.header('content-type', 'text/csv; charset=utf-8');
    void reply.header('content-disposition', `attachment; filename="teilnehmende-${stamp}.csv"`);
    return reply.send(exportCsv(items, locale));
  });
  r.get('/api/case-managers', { schema: { tags, response: { 200: z.array(CaseManagerOption) } } }, (request) =>
    service.listCaseManagers(db, serviceContext(request)),
  );
  r.get('/api/participants/summary', { schema: { tags, response: { 200: ParticipantSummary } } }, (request) =>
    service.summarise(db, serviceContext(request)),
  );
  r.get('/api/participants/:id', { schema: { tags, params: IdParams, response: { 200: ParticipantView } } }, (request) =>
    service.getParticipant(db, serviceContext(request), request.params.id),
  );
  r.patch(
    '/api/participants/:id',
    { schema: { tags, params: IdParams, body: ParticipantUpdateInput, response: { 200: ParticipantView } } },
    (request) => service.updateParticipant(db, serviceContext(request), request.params.id, request.body),
  );
  r.get('/api/participants/:id/timeline', { schema: { tags, params: IdParams, response: { 200: z.array(CaseEventView) } } }, (request) =>
    service.getTimeline(db, serviceContext(request), request.params.id),
  );
}
