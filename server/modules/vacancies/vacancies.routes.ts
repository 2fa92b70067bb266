import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { serviceContext, type AppDeps } from '../../http/context.ts';
import { IdParams } from '../../http/lists.ts';
import { VacancyCreateInput, VacancyListQuery, VacancyPage, VacancyUpdateInput, VacancyView } from './vacancies.schemas.ts';
import * as service from './vacancies.service.ts';

export function vacancyRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['vacancies'];

  r.get('/api/vacancies', { schema: { tags, querystring: VacancyListQuery, response: { 200: VacancyPage } } }, (request) =>
    service.listVacancies(db, serviceContext(request), request.query),
  );
  r.post('/api/vacancies', { schema: { tags, body: VacancyCreateInput, response: { 201: VacancyView } } }, async (request, reply) =>
    reply.code(201).send(await service.createVacancy(db, serviceContext(request), request.body)),
  );
  r.get('/api/vacancies/:id', { schema: { tags, params: IdParams, response: { 200: VacancyView } } }, (request) =>
    service.getVacancy(db, serviceContext(request), request.params.id),
  );
  r.patch(
    '/api/vacancies/:id',
    { schema: { tags, params: IdParams, body: VacancyUpdateInput, response: { 200: VacancyView } } },
    (request) => service.updateVacancy(db, serviceContext(request), request.params.id, request.body),
  );
}
