import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { serviceContext, type AppDeps } from '../../http/context.ts';
import { CityCreateInput, CityView } from './cities.schemas.ts';
import * as service from './cities.service.ts';

export function cityRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cities'];
  r.get('/api/cities', { schema: { tags, response: { 200: z.array(CityView) } } }, (request) =>
    service.listCities(db, serviceContext(request)),
  );
  r.post('/api/cities', { schema: { tags, body: CityCreateInput, response: { 201: CityView } } }, async (request, reply) =>
    reply.code(201).send(await service.createCity(db, serviceContext(request), request.body)),
  );
}
