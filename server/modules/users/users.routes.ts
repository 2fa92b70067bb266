import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { serviceContext, type AppDeps } from '../../http/context.ts';
import { IdParams } from '../../http/lists.ts';
import { UserCreateInput, UserListQuery, UserPage, UserUpdateInput, UserView } from './users.schemas.ts';
import * as service from './users.service.ts';

export function userRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];

  r.get('/api/users', { schema: { tags, querystring: UserListQuery, response: { 200: UserPage } } }, (request) =>
    service.listUsers(db, serviceContext(request), request.query),
  );
  r.get('/api/users/:id', { schema: { tags, params: IdParams, response: { 200: UserView } } }, (request) =>
    service.getUser(db, serviceContext(request), request.params.id),
  );
  r.post('/api/users', { schema: { tags, body: UserCreateInput, response: { 201: UserView } } }, async (request, reply) =>
    reply.code(201).send(await service.createUser(db, serviceContext(request), request.body)),
  );
  r.patch('/api/users/:id', { schema: { tags, params: IdParams, body: UserUpdateInput, response: { 200: UserView } } }, (request) =>
    service.updateUser(db, serviceContext(request), request.params.id, request.body),
  );
}
