import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { serviceContext, type AppDeps } from '../../http/context.ts';
import { IdParams } from '../../http/lists.ts';
import { MenteeList, MenteeView } from './mentee.schemas.ts';
import * as mentee from './mentee.service.ts';
import {
  HoursQuery,
  MeetingCreateInput,
  MeetingUpdateInput,
  MeetingView,
  MentorHoursList,
  MentorshipCreateInput,
  MentorshipDetail,
  MentorshipEndInput,
  MentorshipListQuery,
  MentorshipPage,
  MentorshipUpdateInput,
  MentorshipView,
  MentorSuggestionList,
} from './mentorships.schemas.ts';
import * as service from './mentorships.service.ts';
import { suggestMentors } from './suggestions.service.ts';

export function mentorshipRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['mentorships'];

  // The participant's office: mentorships, their meetings log, suggestions and hours.
  r.get('/api/mentorships', { schema: { tags, querystring: MentorshipListQuery, response: { 200: MentorshipPage } } }, (request) =>
    service.listMentorships(db, serviceContext(request), request.query),
  );
  r.post('/api/mentorships', { schema: { tags, body: MentorshipCreateInput, response: { 201: MentorshipView } } }, async (request, reply) =>
    reply.code(201).send(await service.createMentorship(db, serviceContext(request), request.body)),
  );
  r.get('/api/mentorships/hours', { schema: { tags, querystring: HoursQuery, response: { 200: MentorHoursList } } }, (request) =>
    service.mentorHours(db, serviceContext(request), request.query),
  );
  r.get('/api/mentorships/:id', { schema: { tags, params: IdParams, response: { 200: MentorshipDetail } } }, (request) =>
    service.getMentorship(db, serviceContext(request), request.params.id),
  );
  r.patch(
    '/api/mentorships/:id',
    { schema: { tags, params: IdParams, body: MentorshipUpdateInput, response: { 200: MentorshipView } } },
    (request) => service.updateMentorship(db, serviceContext(request), request.params.id, request.body),
  );
  r.post(
    '/api/mentorships/:id/end',
    { schema: { tags, params: IdParams, body: MentorshipEndInput, response: { 200: MentorshipView } } },
    (request) => service.endMentorship(db, serviceContext(request), request.params.id, request.body),
  );
  r.get(
    '/api/participants/:id/mentor-suggestions',
    { schema: { tags, params: IdParams, response: { 200: MentorSuggestionList } } },
    (request) => suggestMentors(db, serviceContext(request), request.params.id),
  );

  // The mentor's own: their mentees and the meetings they record.
  r.get('/api/mentor/mentees', { schema: { tags, response: { 200: MenteeList } } }, (request) =>
    mentee.listMentees(db, serviceContext(request)),
  );
  r.get('/api/mentor/mentees/:id', { schema: { tags, params: IdParams, response: { 200: MenteeView } } }, (request) =>
    mentee.getMentee(db, serviceContext(request), request.params.id),
  );
  r.post(
    '/api/mentor/mentees/:id/meetings',
    { schema: { tags, params: IdParams, body: MeetingCreateInput, response: { 201: MeetingView } } },
    async (request, reply) =>
      reply.code(201).send(await mentee.createMeeting(db, serviceContext(request), request.params.id, request.body)),
  );
  r.patch(
    '/api/mentor/meetings/:id',
    { schema: { tags, params: IdParams, body: MeetingUpdateInput, response: { 200: MeetingView } } },
    (request) => mentee.updateMeeting(db, serviceContext(request), request.params.id, request.body),
  );
}
