import { createHash, randomBytes } from 'node:crypto';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { Conflict, Invalid, NotFound, TooManyRequests, Unauthenticated } from '../../errors.ts';
import type { RequestAuth } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as q from './auth.queries.ts';
import type { LoginInput, MeUpdateInput, PasswordChangeInput } from './auth.schemas.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

// Throttling: after this many failures within the window, further attempts are
// refused before the password is even checked.
export const THROTTLE = { windowMinutes: 15, perAccount: 5, perIp: 30 };

/** Sessions are stored under the hash of their token, never the token itself. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface LoginMeta {
  ip: string;
  userAgent: string | null;
  requestId: string;
  /** The session the browser had before, if any: ended, so its id cannot be fixed. */
  previousToken: string | undefined;
}

export async function login(db: Db, config: Config, input: LoginInput, meta: LoginMeta): Promise<{ token: string }> {
  const failures = await q.countRecentFailures(db, input.email, meta.ip, THROTTLE.windowMinutes);
  if (failures.account >= THROTTLE.perAccount || failures.ip >= THROTTLE.perIp) {
    throw new TooManyRequests(THROTTLE.windowMinutes * 60);
  }

  const user = await q.findUserByEmail(db, input.email);
  const passwordOk = await verifyPassword(user?.password_hash, input.password);
  if (!user || !passwordOk || user.status !== 'active') {
    await db.transaction().execute(async (tx) => {
      await q.recordFailure(tx, input.email, meta.ip);
      if (user) {
        const details = { reason: passwordOk ? 'account_disabled' : 'wrong_password', ip: meta.ip };
        await recordAudit(
          tx,
          { networkId: user.network_id, actor: null, requestId: meta.requestId },
          { action: 'auth.login_failed', entityType: 'user', entityId: user.id, details },
        );
      }
    });
    throw new Unauthenticated('Email or password is wrong');
  }

  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + config.sessionAbsoluteHours * 3600_000);
  await db.transaction().execute(async (tx) => {
    if (meta.previousToken) await q.deleteSession(tx, sessionIdOf(meta.previousToken));
    await q.clearFailures(tx, input.email);
    await tx
      .insertInto('sessions')
      .values({
        id: sessionIdOf(token),
        network_id: user.network_id,
        user_id: user.id,
        csrf_token: randomBytes(32).toString('base64url'),
        expires_at: expiresAt,
        ip: meta.ip,
        user_agent: meta.userAgent?.slice(0, 500) ?? null,
      })
      .execute();
    const memberships = await q.loadMemberships(tx, user.id);
    const actor = { userId: user.id, networkId: user.network_id, memberships };
    await recordAudit(
      tx,
      { networkId: user.network_id, actor, requestId: meta.requestId },
      { action: 'auth.login', entityType: 'user', entityId: user.id, details: { ip: meta.ip } },
    );
  });
  return { token };
}

/** The session behind a cookie's token, if it is still live; refreshes its idle clock. */
export async function authenticate(db: Db, config: Config, token: string): Promise<RequestAuth | null> {
  const sessionId = sessionIdOf(token);
  const session = await q.findLiveSession(db, sessionId, config.sessionIdleMinutes);
  if (!session) return null;
  // Refresh at most once a minute: every request writing a row would be wasteful.
  if (Date.now() - new Date(session.last_seen_at).getTime() > 60_000) await q.touchSession(db, sessionId);
  const memberships = await q.loadMemberships(db, session.user_id);
  return {
    actor: { userId: session.user_id, networkId: session.network_id, memberships },
    sessionId,
    csrfToken: session.csrf_token,
  };
}

export async function logout(db: Db, auth: RequestAuth, requestId: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await q.deleteSession(tx, auth.sessionId);
    await recordAudit(
      tx,
      { networkId: auth.actor.networkId, actor: auth.actor, requestId },
      { action: 'auth.logout', entityType: 'user', entityId: auth.actor.userId },
    );
  });
}

export async function getMe(db: Db, auth: RequestAuth) {
  const { actor } = auth;
  const user = await db
    .selectFrom('users')
    .innerJoin('networks', 'networks.id', 'users.network_id')
    .select([
      'users.id',
      'users.email',
      'users.display_name',
      'users.locale',
      'users.version',
      'networks.slug',
      'networks.name as network_name',
    ])
    .where('users.id', '=', actor.userId)
    .where('users.network_id', '=', actor.networkId)
    .executeTakeFirst();
  if (!user) throw new NotFound('User');
  const organisationIds = actor.memberships.flatMap((m) => (m.organisationId ? [m.organisationId] : []));
  const organisations =
    organisationIds.length === 0
      ? []
      : await db
          .selectFrom('organisations')
          .select(['id', 'name'])
          .where('network_id', '=', actor.networkId)
          .where('id', 'in', organisationIds)
          .execute();
  const nameOf = new Map(organisations.map((o) => [o.id, o.name]));
  return {
    user,
    network: { id: actor.networkId, slug: user.slug, name: user.network_name },
    memberships: actor.memberships.map((m) => ({
      ...m,
      organisationName: m.organisationId ? (nameOf.get(m.organisationId) ?? null) : null,
    })),
  };
}

export async function updateMe(db: Db, auth: RequestAuth, input: MeUpdateInput): Promise<void> {
  const result = await db
    .updateTable('users')
    .set((eb) => ({ locale: input.locale, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', auth.actor.userId)
    .where('version', '=', input.version)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new Conflict('Your profile was changed elsewhere; reload and try again');
}

export async function changePassword(db: Db, auth: RequestAuth, input: PasswordChangeInput, requestId: string): Promise<void> {
  const user = await db.selectFrom('users').select(['password_hash']).where('id', '=', auth.actor.userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new Invalid('The current password is wrong', { currentPassword: ['The current password is wrong'] });
  }
  if (input.newPassword === input.currentPassword) {
    throw new Invalid('Choose a new password', { newPassword: ['Must differ from the current password'] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set((eb) => ({
        password_hash: passwordHash,
        password_changed_at: new Date(),
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', auth.actor.userId)
      .execute();
    // Every other session of this user ends: a changed password must lock out whoever had the old one.
    await tx.deleteFrom('sessions').where('user_id', '=', auth.actor.userId).where('id', '!=', auth.sessionId).execute();
    await recordAudit(
      tx,
      { networkId: auth.actor.networkId, actor: auth.actor, requestId },
      { action: 'user.password_change', entityType: 'user', entityId: auth.actor.userId },
    );
  });
}
