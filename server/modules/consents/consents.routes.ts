import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { serviceContext, type AppDeps } from '../../http/context.ts';
import { IdParams } from '../../http/lists.ts';
import {
  ConsentCreateInput,
  ConsentFormQuery,
  ConsentRecipient,
  ConsentPdfQuery,
  ConsentView,
  ConsentWithdrawInput,
} from './consents.schemas.ts';
import * as service from './consents.service.ts';

export function consentRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['consents'];
  r.get('/api/consent-recipients', { schema: { tags, response: { 200: z.array(ConsentRecipient) } } }, (request) =>
    service.listRecipients(db, serviceContext(request)),
  );
  r.get('/api/participants/:id/consents', { schema: { tags, params: IdParams, response: { 200: z.array(ConsentView) } } }, (request) =>
    service.listConsents(db, serviceContext(request), request.params.id),
  );
  r.post(
    '/api/participants/:id/consents',
    { schema: { tags, params: IdParams, body: ConsentCreateInput, response: { 201: ConsentView } } },
    async (request, reply) =>
      reply.code(201).send(await service.recordConsent(db, serviceContext(request), request.params.id, request.body)),
  );
  r.post(
    '/api/consents/:id/withdraw',
    { schema: { tags, params: IdParams, body: ConsentWithdrawInput, response: { 200: ConsentView } } },
    (request) => service.withdrawConsent(db, serviceContext(request), request.params.id, request.body),
  );
  r.get(
    '/api/participants/:id/consent-form',
    { schema: { tags, params: IdParams, querystring: ConsentFormQuery } },
    async (request, reply) => {
      const pdf = await service.blankConsentForm(db, serviceContext(request), request.params.id, request.query);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="einwilligung-${request.query.language}.pdf"`)
        .send(Buffer.from(pdf));
    },
  );
  r.get('/api/consents/:id/pdf', { schema: { tags, params: IdParams, querystring: ConsentPdfQuery } }, async (request, reply) => {
    const pdf = await service.recordedConsentPdf(db, serviceContext(request), request.params.id, request.query.language);
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="einwilligung-${request.query.language}.pdf"`)
      .send(Buffer.from(pdf));
  });
}
