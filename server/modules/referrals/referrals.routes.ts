import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { serviceContext, type AppDeps } from '../../http/context.ts';
import { IdParams } from '../../http/lists.ts';
import { getReferredParticipant } from './partner-view.ts';
import {
  CaseworkerOption,
  NoteInput,
  ReasonInput,
  ReferralAcceptInput,
  ReferralCreateInput,
  ReferralListItem,
  ReferralListQuery,
  ReferralSendInput,
  ReferralUpdateInput,
  ReferralView,
  ReferredParticipantView,
  TaskProgressInput,
  TaskView,
} from './referrals.schemas.ts';
import * as answers from './answers.service.ts';
import * as service from './referrals.service.ts';
import * as tasks from './tasks.service.ts';
import { printTransmissionForm } from './transmission-form.service.ts';

export function referralRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['referrals'];
  r.get('/api/referrals', { schema: { tags, querystring: ReferralListQuery, response: { 200: z.array(ReferralListItem) } } }, (request) =>
    service.listReferrals(db, serviceContext(request), request.query),
  );
  r.post(
    '/api/participants/:id/referrals',
    { schema: { tags, params: IdParams, body: ReferralCreateInput, response: { 201: ReferralView } } },
    async (request, reply) =>
      reply.code(201).send(await service.createReferral(db, serviceContext(request), request.params.id, request.body)),
  );
  r.get('/api/referrals/:id', { schema: { tags, params: IdParams, response: { 200: ReferralView } } }, (request) =>
    service.getReferral(db, serviceContext(request), request.params.id),
  );
  r.patch(
    '/api/referrals/:id',
    { schema: { tags, params: IdParams, body: ReferralUpdateInput, response: { 200: ReferralView } } },
    (request) => service.updateReferral(db, serviceContext(request), request.params.id, request.body),
  );
  r.post(
    '/api/referrals/:id/send',
    { schema: { tags, params: IdParams, body: ReferralSendInput, response: { 200: ReferralView } } },
    (request) => service.sendReferral(db, serviceContext(request), request.params.id, request.body),
  );
  r.get('/api/referrals/:id/caseworkers', { schema: { tags, params: IdParams, response: { 200: z.array(CaseworkerOption) } } }, (request) =>
    answers.listCaseworkers(db, serviceContext(request), request.params.id),
  );
  r.post(
    '/api/referrals/:id/accept',
    { schema: { tags, params: IdParams, body: ReferralAcceptInput, response: { 200: ReferralView } } },
    (request) => answers.acceptReferral(db, serviceContext(request), request.params.id, request.body),
  );
  r.post(
    '/api/referrals/:id/decline',
    { schema: { tags, params: IdParams, body: ReasonInput, response: { 200: ReferralView.nullable() } } },
    (request) => answers.declineReferral(db, serviceContext(request), request.params.id, request.body),
  );
  r.post(
    '/api/referrals/:id/revoke',
    { schema: { tags, params: IdParams, body: ReasonInput, response: { 200: ReferralView.nullable() } } },
    (request) => answers.revokeReferral(db, serviceContext(request), request.params.id, request.body),
  );
  r.post('/api/referrals/:id/notes', { schema: { tags, params: IdParams, body: NoteInput, response: { 200: ReferralView } } }, (request) =>
    tasks.addNote(db, serviceContext(request), request.params.id, request.body.text),
  );
  r.patch(
    '/api/referral-tasks/:id',
    { schema: { tags, params: IdParams, body: TaskProgressInput, response: { 200: TaskView } } },
    (request) => tasks.updateTaskProgress(db, serviceContext(request), request.params.id, request.body),
  );
  r.get('/api/referrals/:id/participant', { schema: { tags, params: IdParams, response: { 200: ReferredParticipantView } } }, (request) =>
    getReferredParticipant(db, serviceContext(request), request.params.id),
  );
  r.get('/api/referrals/:id/pdf', { schema: { tags, params: IdParams } }, async (request, reply) => {
    const pdf = await printTransmissionForm(db, serviceContext(request), request.params.id);
    return reply.type('application/pdf').header('content-disposition', 'inline; filename="uebermittlungsbogen.pdf"').send(Buffer.from(pdf));
  });
}
