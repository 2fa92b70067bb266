import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { serviceContext, type AppDeps } from '../../http/context.ts';
import { IdParams } from '../../http/lists.ts';
import { exportAgreements, listAgreements } from './apprenticeships.list.ts';
import {
  AgreementCreateInput,
  AgreementEndInput,
  AgreementListQuery,
  AgreementPage,
  AgreementUpdateInput,
  AgreementView,
  CheckInInput,
  CompanyAgreementView,
  CompanyApprenticeItem,
  ExportQuery,
  HelpRequestHandleInput,
  HelpRequestInput,
  HelpRequestQuery,
  HelpRequestView,
  HelperOptions,
  HelperQuery,
  NeedsInput,
} from './apprenticeships.schemas.ts';
import * as progress from './apprenticeships.progress.ts';
import * as service from './apprenticeships.service.ts';
import * as company from './company-view.ts';
import { helperOptions } from './helpers.ts';

export function apprenticeshipRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['apprenticeships'];
  const ctx = serviceContext;
  r.get('/api/apprenticeships', { schema: { tags, querystring: AgreementListQuery, response: { 200: AgreementPage } } }, (request) =>
    listAgreements(db, ctx(request), request.query),
  );
  r.get('/api/apprenticeships/export', { schema: { tags, querystring: ExportQuery } }, async (request, reply) => {
    const file = await exportAgreements(db, ctx(request), request.query);
    void reply.header('content-type', 'text/csv; charset=utf-8');
    void reply.header('content-disposition', `attachment; filename="ausbildungen-${new Date().toISOString().slice(0, 10)}.csv"`);
    return reply.send(file);
  });
  r.post(
    '/api/apprenticeships',
    { schema: { tags, body: AgreementCreateInput, response: { 201: AgreementView } } },
    async (request, reply) => reply.code(201).send(await service.createAgreement(db, ctx(request), request.body)),
  );
  r.get('/api/apprenticeships/:id', { schema: { tags, params: IdParams, response: { 200: AgreementView } } }, (request) =>
    service.getAgreement(db, ctx(request), request.params.id),
  );
  r.patch(
    '/api/apprenticeships/:id',
    { schema: { tags, params: IdParams, body: AgreementUpdateInput, response: { 200: AgreementView } } },
    (request) => service.updateAgreement(db, ctx(request), request.params.id, request.body),
  );
  r.put(
    '/api/apprenticeships/:id/needs',
    { schema: { tags, params: IdParams, body: NeedsInput, response: { 200: AgreementView } } },
    (request) => progress.saveNeeds(db, ctx(request), request.params.id, request.body),
  );
  r.post(
    '/api/apprenticeships/:id/check-ins',
    { schema: { tags, params: IdParams, body: CheckInInput, response: { 201: AgreementView } } },
    async (request, reply) => reply.code(201).send(await progress.recordCheckIn(db, ctx(request), request.params.id, request.body)),
  );
  r.post(
    '/api/apprenticeships/:id/end',
    { schema: { tags, params: IdParams, body: AgreementEndInput, response: { 200: AgreementView } } },
    (request) => progress.endAgreement(db, ctx(request), request.params.id, request.body),
  );
  r.get(
    '/api/participants/:id/apprenticeships',
    { schema: { tags, params: IdParams, response: { 200: z.array(AgreementView) } } },
    (request) => service.participantAgreements(db, ctx(request), request.params.id),
  );
  r.get(
    '/api/apprenticeship-help-requests',
    { schema: { tags, querystring: HelpRequestQuery, response: { 200: z.array(HelpRequestView) } } },
    (request) => company.listHelpRequests(db, ctx(request), request.query.open),
  );
  r.post(
    '/api/apprenticeship-help-requests/:id/handled',
    { schema: { tags, params: IdParams, body: HelpRequestHandleInput, response: { 200: HelpRequestView } } },
    (request) => company.handleHelpRequest(db, ctx(request), request.params.id, request.body.version),
  );
  r.get('/api/apprenticeship-helpers', { schema: { tags, querystring: HelperQuery, response: { 200: HelperOptions } } }, (request) =>
    helperOptions(db, ctx(request), request.query.employerId),
  );
  // The training company's own view.
  r.get('/api/employer/apprentices', { schema: { tags, response: { 200: z.array(CompanyApprenticeItem) } } }, (request) =>
    company.companyApprentices(db, ctx(request)),
  );
  r.get('/api/employer/apprentices/:id', { schema: { tags, params: IdParams, response: { 200: CompanyAgreementView } } }, (request) =>
    company.companyAgreement(db, ctx(request), request.params.id),
  );
  r.post(
    '/api/employer/apprentices/:id/help-requests',
    { schema: { tags, params: IdParams, body: HelpRequestInput, response: { 201: HelpRequestView } } },
    async (request, reply) => reply.code(201).send(await company.askForHelp(db, ctx(request), request.params.id, request.body.text)),
  );
}
