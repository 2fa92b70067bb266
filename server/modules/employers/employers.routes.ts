import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { serviceContext, type AppDeps } from '../../http/context.ts';
import { IdParams } from '../../http/lists.ts';
import {
  EmployerContactInput,
  EmployerContactView,
  EmployerCreateInput,
  EmployerListQuery,
  EmployerPage,
  EmployerUpdateInput,
  EmployerView,
} from './employers.schemas.ts';
import * as service from './employers.service.ts';

export function employerRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['employers'];

  r.get('/api/employers', { schema: { tags, querystring: EmployerListQuery, response: { 200: EmployerPage } } }, (request) =>
    service.listEmployers(db, serviceContext(request), request.query),
  );
  r.post('/api/employers', { schema: { tags, body: EmployerCreateInput, response: { 201: EmployerView } } }, async (request, reply) =>
    reply.code(201).send(await service.createEmployer(db, serviceContext(request), request.body)),
  );
  r.get('/api/employers/:id', { schema: { tags, params: IdParams, response: { 200: EmployerView } } }, (request) =>
    service.getEmployer(db, serviceContext(request), request.params.id),
  );
  r.patch(
    '/api/employers/:id',
    { schema: { tags, params: IdParams, body: EmployerUpdateInput, response: { 200: EmployerView } } },
    (request) => service.updateEmployer(db, serviceContext(request), request.params.id, request.body),
  );
  r.get('/api/employers/:id/contacts', { schema: { tags, params: IdParams, response: { 200: z.array(EmployerContactView) } } }, (request) =>
    service.listContacts(db, serviceContext(request), request.params.id),
  );
  r.post(
    '/api/employers/:id/contacts',
    { schema: { tags, params: IdParams, body: EmployerContactInput, response: { 201: EmployerContactView } } },
    async (request, reply) =>
      reply.code(201).send(await service.recordContact(db, serviceContext(request), request.params.id, request.body)),
  );
}
