import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { serviceContext, type AppDeps } from '../../http/context.ts';
import { IdParams } from '../../http/lists.ts';
import {
  VolunteerCreateInput,
  VolunteerGroupList,
  VolunteerListQuery,
  VolunteerPage,
  VolunteerSettingsInput,
  VolunteerSettingsView,
  VolunteerUpdateInput,
  VolunteerView,
} from './volunteers.schemas.ts';
import * as service from './volunteers.service.ts';

export function volunteerRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['volunteers'];

  r.get('/api/volunteers', { schema: { tags, querystring: VolunteerListQuery, response: { 200: VolunteerPage } } }, (request) =>
    service.listVolunteers(db, serviceContext(request), request.query),
  );
  r.post('/api/volunteers', { schema: { tags, body: VolunteerCreateInput, response: { 201: VolunteerView } } }, async (request, reply) =>
    reply.code(201).send(await service.createVolunteer(db, serviceContext(request), request.body)),
  );
  r.get('/api/volunteers/:id', { schema: { tags, params: IdParams, response: { 200: VolunteerView } } }, (request) =>
    service.getVolunteer(db, serviceContext(request), request.params.id),
  );
  r.patch(
    '/api/volunteers/:id',
    { schema: { tags, params: IdParams, body: VolunteerUpdateInput, response: { 200: VolunteerView } } },
    (request) => service.updateVolunteer(db, serviceContext(request), request.params.id, request.body),
  );
  r.get('/api/volunteer-groups', { schema: { tags, response: { 200: VolunteerGroupList } } }, (request) =>
    service.listGroups(db, serviceContext(request)),
  );
  r.get('/api/volunteer-settings', { schema: { tags, response: { 200: VolunteerSettingsView } } }, (request) =>
    service.getSettings(db, serviceContext(request)),
  );
  r.put(
    '/api/volunteer-settings',
    { schema: { tags, body: VolunteerSettingsInput, response: { 200: VolunteerSettingsView } } },
    (request) => service.updateSettings(db, serviceContext(request), request.body),
  );
}
