import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { Forbidden } from '../errors.ts';
import { authenticate } from '../modules/auth/auth.service.ts';

export const SESSION_COOKIE = 'lotse_session';
export const CSRF_HEADER = 'x-csrf-token';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Whether the browser says the request comes from another site. */
function isCrossOrigin(request: FastifyRequest, config: Config): boolean {
  const origin = request.headers.origin;
  if (!origin) return request.headers['sec-fetch-site'] === 'cross-site';
  if (config.publicOrigin) return origin !== config.publicOrigin;
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

/**
 * Loads the session behind the cookie (request.auth) and guards state-changing
 * requests against cross-site forgery: the origin must be ours, and a logged-in
 * request must carry the session's CSRF token in a header, which another site
 * cannot read or set.
 */
export function registerSessionHook(app: FastifyInstance, db: Db, config: Config): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.auth = await authenticate(db, config, token);
    if (!UNSAFE_METHODS.has(request.method)) return;
    if (isCrossOrigin(request, config)) throw new Forbidden('Cross-site request refused');
    if (request.auth) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameToken(sent, request.auth.csrfToken)) {
        throw new Forbidden('Missing or wrong CSRF token');
      }
    }
  });
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, config: Config, token: string): void {
  const secure = config.cookieSecure === 'auto' ? request.protocol === 'https' : config.cookieSecure;
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: config.sessionAbsoluteHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
