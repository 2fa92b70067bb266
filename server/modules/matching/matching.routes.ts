import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { serviceContext, type AppDeps } from '../../http/context.ts';
import { IdParams } from '../../http/lists.ts';
import { getJobProfile, saveJobProfile } from './job-profile.service.ts';
import {
  CandidateMatches,
  CaseloadMatches,
  CaseloadQuery,
  JobProfileInput,
  JobProfileView,
  MatchQuery,
  VacancyMatches,
} from './matching.schemas.ts';
import { matchCaseload, matchesForParticipant, matchesForVacancy } from './matching.service.ts';

export function matchingRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['matching'];
  r.get('/api/participants/:id/job-profile', { schema: { tags, params: IdParams, response: { 200: JobProfileView } } }, (request) =>
    getJobProfile(db, serviceContext(request), request.params.id),
  );
  r.put(
    '/api/participants/:id/job-profile',
    { schema: { tags, params: IdParams, body: JobProfileInput, response: { 200: JobProfileView } } },
    (request) => saveJobProfile(db, serviceContext(request), request.params.id, request.body),
  );
  r.get(
    '/api/vacancies/:id/matches',
    { schema: { tags, params: IdParams, querystring: MatchQuery, response: { 200: CandidateMatches } } },
    (request) => matchesForVacancy(db, serviceContext(request), request.params.id, request.query.limit),
  );
  r.get(
    '/api/participants/:id/matches',
    { schema: { tags, params: IdParams, querystring: MatchQuery, response: { 200: VacancyMatches } } },
    (request) => matchesForParticipant(db, serviceContext(request), request.params.id, request.query.limit),
  );
  r.get('/api/matches', { schema: { tags, querystring: CaseloadQuery, response: { 200: CaseloadMatches } } }, (request) =>
    matchCaseload(db, serviceContext(request), request.query.perPerson),
  );
}
