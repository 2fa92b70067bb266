import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { Unauthenticated } from '../errors.ts';
import type { Actor } from '../modules/access/policy.ts';
import type { AuditContext } from '../modules/audit/audit.service.ts';

/** What route plugins receive: the database and the configuration. */
export interface AppDeps {
  db: Db;
  config: Config;
}

export interface RequestAuth {
  actor: Actor;
  sessionId: string;
  csrfToken: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the session hook when the request carries a live session. */
    auth: RequestAuth | null;
  }
}

/** The logged-in user's session, or 401. */
export function requireAuth(request: FastifyRequest): RequestAuth {
  if (!request.auth) throw new Unauthenticated();
  return request.auth;
}

/** The logged-in actor, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  return requireAuth(request).actor;
}

/** The actor and request id that services write into audit rows. */
export interface ServiceContext extends AuditContext {
  actor: Actor;
}

export function serviceContext(request: FastifyRequest): ServiceContext {
  const actor = requireActor(request);
  return { actor, networkId: actor.networkId, requestId: String(request.id) };
}
