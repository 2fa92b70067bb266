import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { capabilities } from '../access/policy.ts';
import { requireAuth, type AppDeps } from '../../http/context.ts';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../../http/session.ts';
import { LoginInput, MeUpdateInput, MeView, PasswordChangeInput } from './auth.schemas.ts';
import * as auth from './auth.service.ts';

const Ok = z.object({ ok: z.literal(true) });

export function authRoutes(app: FastifyInstance, { db, config }: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  async function me(request: FastifyRequest): Promise<MeView> {
    const authn = requireAuth(request);
    const { user, network, memberships } = await auth.getMe(db, authn);
    return {
      user: {
        id: user.id,
        email: user.email,
        displayName: user.display_name,
        locale: user.locale as MeView['user']['locale'],
        version: user.version,
      },
      network,
      memberships,
      capabilities: capabilities(authn.actor),
      csrfToken: authn.csrfToken,
    };
  }

  r.post('/api/auth/login', { schema: { tags: ['auth'], body: LoginInput, response: { 200: MeView } } }, async (request, reply) => {
    const { token } = await auth.login(db, config, request.body, {
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? null,
      requestId: String(request.id),
      previousToken: request.cookies[SESSION_COOKIE],
    });
    setSessionCookie(request, reply, config, token);
    request.auth = await auth.authenticate(db, config, token);
    return me(request);
  });

  r.post('/api/auth/logout', { schema: { tags: ['auth'], response: { 200: Ok } } }, async (request, reply) => {
    if (request.auth) await auth.logout(db, request.auth, String(request.id));
    clearSessionCookie(reply);
    return { ok: true as const };
  });

  r.get('/api/me', { schema: { tags: ['auth'], response: { 200: MeView } } }, (request) => me(request));

  r.patch('/api/me', { schema: { tags: ['auth'], body: MeUpdateInput, response: { 200: MeView } } }, async (request) => {
    await auth.updateMe(db, requireAuth(request), request.body);
    return me(request);
  });

  r.post('/api/me/password', { schema: { tags: ['auth'], body: PasswordChangeInput, response: { 200: Ok } } }, async (request) => {
    await auth.changePassword(db, requireAuth(request), request.body, String(request.id));
    return { ok: true as const };
  });
}
