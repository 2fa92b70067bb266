import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { serviceContext, type AppDeps } from '../../http/context.ts';
import { IdParams } from '../../http/lists.ts';
import {
  AttendanceInput,
  AttendanceParams,
  AttendanceView,
  EnrolmentCancelInput,
  EnrolmentCompleteInput,
  EnrolmentCreateInput,
  EnrolmentDropOutInput,
  EnrolmentView,
} from './enrolments.schemas.ts';
import * as enrolments from './enrolments.service.ts';
import { OfferCreateInput, OfferListQuery, OfferPage, OfferProvider, OfferUpdateInput, OfferView } from './offers.schemas.ts';
import * as offers from './offers.service.ts';
import * as progress from './progress.service.ts';

export function offerRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['offers'];

  r.get('/api/offers', { schema: { tags, querystring: OfferListQuery, response: { 200: OfferPage } } }, (request) =>
    offers.listOffers(db, serviceContext(request), request.query),
  );
  r.get('/api/offer-providers', { schema: { tags, response: { 200: z.array(OfferProvider) } } }, (request) =>
    offers.listProviders(db, serviceContext(request)),
  );
  r.post('/api/offers', { schema: { tags, body: OfferCreateInput, response: { 201: OfferView } } }, async (request, reply) =>
    reply.code(201).send(await offers.createOffer(db, serviceContext(request), request.body)),
  );
  r.get('/api/offers/:id', { schema: { tags, params: IdParams, response: { 200: OfferView } } }, (request) =>
    offers.getOffer(db, serviceContext(request), request.params.id),
  );
  r.patch('/api/offers/:id', { schema: { tags, params: IdParams, body: OfferUpdateInput, response: { 200: OfferView } } }, (request) =>
    offers.updateOffer(db, serviceContext(request), request.params.id, request.body),
  );

  r.get('/api/offers/:id/enrolments', { schema: { tags, params: IdParams, response: { 200: z.array(EnrolmentView) } } }, (request) =>
    enrolments.listOfferEnrolments(db, serviceContext(request), request.params.id),
  );
  r.post(
    '/api/offers/:id/enrolments',
    { schema: { tags, params: IdParams, body: EnrolmentCreateInput, response: { 201: EnrolmentView } } },
    async (request, reply) => reply.code(201).send(await enrolments.enrol(db, serviceContext(request), request.params.id, request.body)),
  );
  r.get('/api/participants/:id/enrolments', { schema: { tags, params: IdParams, response: { 200: z.array(EnrolmentView) } } }, (request) =>
    enrolments.listParticipantEnrolments(db, serviceContext(request), request.params.id),
  );
  r.post(
    '/api/enrolments/:id/cancel',
    { schema: { tags, params: IdParams, body: EnrolmentCancelInput, response: { 200: EnrolmentView } } },
    (request) => progress.cancelEnrolment(db, serviceContext(request), request.params.id, request.body),
  );
  r.post(
    '/api/enrolments/:id/drop-out',
    { schema: { tags, params: IdParams, body: EnrolmentDropOutInput, response: { 200: EnrolmentView } } },
    (request) => progress.dropOut(db, serviceContext(request), request.params.id, request.body),
  );
  r.post(
    '/api/enrolments/:id/complete',
    { schema: { tags, params: IdParams, body: EnrolmentCompleteInput, response: { 200: EnrolmentView } } },
    (request) => progress.completeEnrolment(db, serviceContext(request), request.params.id, request.body),
  );
  r.put(
    '/api/enrolments/:id/attendance/:date',
    { schema: { tags, params: AttendanceParams, body: AttendanceInput, response: { 200: AttendanceView } } },
    (request) => progress.recordAttendance(db, serviceContext(request), request.params.id, request.params.date, request.body),
  );
}
