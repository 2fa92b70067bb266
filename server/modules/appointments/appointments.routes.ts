import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { serviceContext, type AppDeps } from '../../http/context.ts';
import { IdParams } from '../../http/lists.ts';
import {
  AppointmentCreateInput,
  AppointmentListQuery,
  AppointmentUpdateInput,
  AppointmentView,
  CalendarFeedView,
  ConferenceCloseInput,
  ConferenceMinutesInput,
  ConferenceView,
  CycleRules,
} from './appointments.schemas.ts';
import * as service from './appointments.service.ts';
import * as conference from './conference.service.ts';
import * as calendar from './calendar.service.ts';

export function appointmentRoutes(app: FastifyInstance, { db, config }: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['appointments'];
  const origin = (request: FastifyRequest) => config.publicOrigin ?? `${request.protocol}://${request.host}`;
  r.get(
    '/api/appointments',
    { schema: { tags, querystring: AppointmentListQuery, response: { 200: z.array(AppointmentView) } } },
    (request) => service.listAppointments(db, serviceContext(request), request.query),
  );
  r.post(
    '/api/referrals/:id/appointments',
    { schema: { tags, params: IdParams, body: AppointmentCreateInput, response: { 201: AppointmentView } } },
    async (request, reply) =>
      reply.code(201).send(await service.createAppointment(db, serviceContext(request), request.params.id, request.body)),
  );
  r.patch(
    '/api/appointments/:id',
    { schema: { tags, params: IdParams, body: AppointmentUpdateInput, response: { 200: AppointmentView } } },
    (request) => service.updateAppointment(db, serviceContext(request), request.params.id, request.body),
  );
  r.get('/api/conferences/:id', { schema: { tags, params: IdParams, response: { 200: ConferenceView } } }, (request) =>
    conference.getConference(db, serviceContext(request), request.params.id),
  );
  r.put(
    '/api/conferences/:id',
    { schema: { tags, params: IdParams, body: ConferenceMinutesInput, response: { 200: ConferenceView } } },
    (request) => conference.saveConferenceMinutes(db, serviceContext(request), request.params.id, request.body),
  );
  r.post(
    '/api/conferences/:id/close',
    { schema: { tags, params: IdParams, body: ConferenceCloseInput, response: { 200: ConferenceView } } },
    (request) => conference.closeConference(db, serviceContext(request), request.params.id, request.body),
  );
  r.get('/api/cycle-rules', { schema: { tags, response: { 200: CycleRules } } }, (request) =>
    service.getCycleRules(db, serviceContext(request)),
  );
  r.put('/api/cycle-rules', { schema: { tags, body: CycleRules, response: { 200: CycleRules } } }, (request) =>
    service.updateCycleRules(db, serviceContext(request), request.body),
  );
  r.get('/api/calendar-feed', { schema: { tags, response: { 200: CalendarFeedView } } }, (request) =>
    calendar.feedStatus(db, serviceContext(request)),
  );
  r.post('/api/calendar-feed', { schema: { tags, response: { 200: CalendarFeedView } } }, (request) =>
    calendar.createFeed(db, serviceContext(request), origin(request)),
  );
  r.delete('/api/calendar-feed', { schema: { tags, response: { 200: CalendarFeedView } } }, (request) =>
    calendar.revokeFeed(db, serviceContext(request)),
  );
  // No session: calendar programs fetch this with the token in the URL.
  r.get(
    '/api/calendar/:file',
    { schema: { tags, params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{43}\.ics$/, { error: 'Not a calendar' }) }) } },
    async (request, reply) => {
      const text = await calendar.renderFeed(db, request.params.file.slice(0, -4), origin(request));
      return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, no-store').send(text);
    },
  );
}
