import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import type { AppDeps } from './http/context.ts';
import { registerErrorHandler, type ErrorBody } from './http/errors.ts';
import { registerSessionHook } from './http/session.ts';
import { apprenticeshipRoutes } from './modules/apprenticeships/apprenticeships.routes.ts';
import { appointmentRoutes } from './modules/appointments/appointments.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { caseRoutes } from './modules/cases/cases.routes.ts';
import { catalogueRoutes } from './modules/catalogues/catalogues.routes.ts';
import { cityRoutes } from './modules/cities/cities.routes.ts';
import { consentRoutes } from './modules/consents/consents.routes.ts';
import { duplicateRoutes } from './modules/duplicates/duplicates.routes.ts';
import { employabilityRoutes } from './modules/employability/employability.routes.ts';
import { employerRoutes } from './modules/employers/employers.routes.ts';
import { importRoutes } from './modules/imports/imports.routes.ts';
import { intakeRoutes } from './modules/intake/intake.routes.ts';
import { mentorshipRoutes } from './modules/mentorships/mentorships.routes.ts';
import { matchingRoutes } from './modules/matching/matching.routes.ts';
import { organisationRoutes } from './modules/organisations/organisations.routes.ts';
import { participantRoutes } from './modules/participants/participants.routes.ts';
import { placementRoutes } from './modules/placements/placements.routes.ts';
import { offerRoutes } from './modules/offers/offers.routes.ts';
import { leavingRoutes } from './modules/leaving/leaving.routes.ts';
import { planRoutes } from './modules/plans/plans.routes.ts';
import { proposalRoutes } from './modules/proposals/proposals.routes.ts';
import { referralRoutes } from './modules/referrals/referrals.routes.ts';
import { reminderRoutes } from './modules/reminders/reminders.routes.ts';
import { reportRoutes } from './modules/reports/reports.routes.ts';
import { residenceRoutes } from './modules/residence/residence.routes.ts';
import { userRoutes } from './modules/users/users.routes.ts';
import { volunteerRoutes } from './modules/volunteers/volunteers.routes.ts';
import { vacancyRoutes } from './modules/vacancies/vacancies.routes.ts';
import { worklistRoutes } from './modules/worklists/worklists.routes.ts';

const webDist = fileURLToPath(new URL('../dist/web/', import.meta.url));

export interface BuildAppOptions {
  db: Db;
  config: Config;
  /** Pino logger options; tests pass false. */
  logger?: boolean | object;
  /** The built web app (default dist/web/); served when it exists. */
  webDir?: string;
}

export async function buildApp({ db, config, logger = true, webDir = webDist }: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger === true ? { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] } : logger,
    genReqId: (req) => (typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'].slice(0, 64) : randomUUID()),
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.LOTSE_TRUST_PROXY === 'true',
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Only JSON bodies: a cross-site HTML form cannot send them without a CORS preflight.
  app.removeContentTypeParser('text/plain');
  registerErrorHandler(app);

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Lotse API', version: '0.1.0', description: 'Case management for networks that bring refugees into work.' },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'lotse_session' } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  await app.register(fastifyCookie);
  registerSessionHook(app, db, config);

  const deps: AppDeps = { db, config };
  const modules = [
    authRoutes,
    organisationRoutes,
    userRoutes,
    cityRoutes,
    catalogueRoutes,
    participantRoutes,
    caseRoutes,
    duplicateRoutes,
    intakeRoutes,
    employabilityRoutes,
    residenceRoutes,
    consentRoutes,
    importRoutes,
    auditRoutes,
    reportRoutes,
    reminderRoutes,
    planRoutes,
    referralRoutes,
    appointmentRoutes,
    worklistRoutes,
    employerRoutes,
    vacancyRoutes,
    matchingRoutes,
    proposalRoutes,
    placementRoutes,
    offerRoutes,
    volunteerRoutes,
    mentorshipRoutes,
    apprenticeshipRoutes,
    leavingRoutes,
  ];
  for (const routes of modules) routes(app, deps);

  app.get('/healthz', { schema: { hide: true } }, () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(db);
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'database unavailable' });
    }
  });

  // The built web app, with index.html for every client-side route; JSON 404s for the API.
  const hasWeb = existsSync(webDir);
  if (hasWeb) await app.register(fastifyStatic, { root: webDir, wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((request, reply) => {
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
    return reply.code(404).send({ error: 'not_found', message: 'No such route', requestId: String(request.id) } satisfies ErrorBody);
  });
  return app;
}
