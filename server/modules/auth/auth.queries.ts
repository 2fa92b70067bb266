import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import type { Membership } from '../access/policy.ts';
import type { Role } from '../access/roles.schemas.ts';

export function findUserByEmail(db: Db, email: string) {
  return db.selectFrom('users').select(['id', 'network_id', 'password_hash', 'status']).where('email', '=', email).executeTakeFirst();
}

/** A live session of an active user: not expired, not idle for longer than idleMinutes. */
export function findLiveSession(db: Db, sessionId: string, idleMinutes: number) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id', 'sessions.user_id', 'sessions.network_id', 'sessions.csrf_token', 'sessions.last_seen_at'])
    .where('sessions.id', '=', sessionId)
    .where('users.status', '=', 'active')
    .where('sessions.expires_at', '>', sql<Date>`now()`)
    .where('sessions.last_seen_at', '>', sql<Date>`now() - make_interval(mins => ${idleMinutes})`)
    .executeTakeFirst();
}

export async function loadMemberships(db: Db | Tx, userId: string): Promise<Membership[]> {
  const rows = await db
    .selectFrom('memberships')
    .select(['role', 'organisation_id'])
    .where('user_id', '=', userId)
    .orderBy('role')
    .execute();
  return rows.map((r) => ({ role: r.role as Role, organisationId: r.organisation_id }));
}

export async function touchSession(db: Db, sessionId: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: sql`now()` })
    .where('id', '=', sessionId)
    .execute();
}

export async function deleteSession(db: Db | Tx, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteSessionsOfUser(db: Db | Tx, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function countRecentFailures(db: Db, accountKey: string, ip: string, windowMinutes: number) {
  const since = sql<Date>`now() - make_interval(mins => ${windowMinutes})`;
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('login_failures')
        .select((e) => e.fn.countAll<string>().as('n'))
        .where('account_key', '=', accountKey)
        .where('at', '>', since)
        .as('account'),
      eb
        .selectFrom('login_failures')
        .select((e) => e.fn.countAll<string>().as('n'))
        .where('ip', '=', ip)
        .where('at', '>', since)
        .as('ip'),
    ])
    .executeTakeFirstOrThrow();
  return { account: Number(row.account), ip: Number(row.ip) };
}

export async function recordFailure(db: Db | Tx, accountKey: string, ip: string): Promise<void> {
  await db.insertInto('login_failures').values({ account_key: accountKey, ip }).execute();
  // Keep the table small: failures older than a day no longer count for anything.
  await db
    .deleteFrom('login_failures')
    .where('at', '<', sql<Date>`now() - interval '1 day'`)
    .execute();
}

export async function clearFailures(db: Db | Tx, accountKey: string): Promise<void> {
  await db.deleteFrom('login_failures').where('account_key', '=', accountKey).execute();
}
