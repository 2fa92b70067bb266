import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { serviceContext, type AppDeps } from '../../http/context.ts';
import { IdParams } from '../../http/lists.ts';
import {
  OrganisationCreateInput,
  OrganisationListQuery,
  OrganisationPage,
  OrganisationUpdateInput,
  OrganisationView,
} from './organisations.schemas.ts';
import * as service from './organisations.service.ts';

export function organisationRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['organisations'];

  r.get('/api/organisations', { schema: { tags, querystring: OrganisationListQuery, response: { 200: OrganisationPage } } }, (request) =>
    service.listOrganisations(db, serviceContext(request), request.query),
  );
  r.get('/api/organisations/:id', { schema: { tags, params: IdParams, response: { 200: OrganisationView } } }, (request) =>
    service.getOrganisation(db, serviceContext(request), request.params.id),
  );
  r.post(
    '/api/organisations',
    { schema: { tags, body: OrganisationCreateInput, response: { 201: OrganisationView } } },
    async (request, reply) => reply.code(201).send(await service.createOrganisation(db, serviceContext(request), request.body)),
  );
  r.patch(
    '/api/organisations/:id',
    { schema: { tags, params: IdParams, body: OrganisationUpdateInput, response: { 200: OrganisationView } } },
    (request) => service.updateOrganisation(db, serviceContext(request), request.params.id, request.body),
  );
}
