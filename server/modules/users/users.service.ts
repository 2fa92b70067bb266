import { isUniqueViolation } from '../../db/errors.ts';
import type { Db, Tx } from '../../db/database.ts';
import { Conflict, Invalid, NotFound } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { requireMay } from '../access/policy.ts';
import { NETWORK_ROLES, ROLE_ORGANISATION_KIND } from '../access/roles.schemas.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { deleteSessionsOfUser } from '../auth/auth.queries.ts';
import { hashPassword } from '../auth/passwords.ts';
import * as q from './users.queries.ts';
import type { MembershipInput, UserCreateInput, UserListQuery, UserUpdateInput, UserView } from './users.schemas.ts';

/**
 * A role belongs to an organisation of the matching kind (a case manager to a case
 * management office, a job coach to a partner, ...); network roles to none.
 */
async function checkMemberships(tx: Tx, networkId: string, memberships: MembershipInput[]): Promise<void> {
  const fields: Record<string, string[]> = {};
  const kinds = new Map(
    (
      await q.organisationKinds(
        tx,
        networkId,
        memberships.flatMap((m) => (m.organisationId ? [m.organisationId] : [])),
      )
    ).map((o) => [o.id, o.kind]),
  );
  const seen = new Set<string>();
  memberships.forEach((m, i) => {
    const key = `memberships.${i}.organisationId`;
    const wanted = ROLE_ORGANISATION_KIND[m.role];
    if (NETWORK_ROLES.includes(m.role)) {
      if (m.organisationId) fields[key] = ['This role belongs to the network, not to an organisation'];
    } else if (!m.organisationId) {
      fields[key] = ['This role needs an organisation'];
    } else if (!kinds.has(m.organisationId)) {
      fields[key] = ['Unknown organisation'];
    } else if (wanted && kinds.get(m.organisationId) !== wanted) {
      fields[key] = [`This role needs an organisation of kind ${wanted}`];
    }
    const id = `${m.role}:${m.organisationId ?? ''}`;
    if (seen.has(id)) fields[`memberships.${i}`] = ['Given twice'];
    seen.add(id);
  });
  if (Object.keys(fields).length > 0) throw new Invalid('Some roles do not fit', fields);
}

const emailTaken = () => new Invalid('This email address is already in use', { email: ['This email address is already in use'] });

export async function listUsers(db: Db, ctx: ServiceContext, query: UserListQuery) {
  requireMay(ctx.actor, 'list', { type: 'user' });
  const { rows, total } = await q.listUsers(db, ctx.networkId, query);
  return { items: await q.toViews(db, ctx.networkId, rows), total, page: query.page, pageSize: query.pageSize };
}

export async function getUser(db: Db, ctx: ServiceContext, id: string): Promise<UserView> {
  requireMay(ctx.actor, 'read', { type: 'user' });
  const row = await q.findUser(db, ctx.networkId, id);
  if (!row) throw new NotFound('User');
  return (await q.toViews(db, ctx.networkId, [row]))[0]!;
}

export async function createUser(db: Db, ctx: ServiceContext, input: UserCreateInput): Promise<UserView> {
  requireMay(ctx.actor, 'create', { type: 'user' });
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction().execute(async (tx) => {
      await checkMemberships(tx, ctx.networkId, input.memberships);
      const { id } = await tx
        .insertInto('users')
        .values({
          network_id: ctx.networkId,
          email: input.email,
          display_name: input.displayName,
          locale: input.locale,
          password_hash: passwordHash,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await q.replaceMemberships(tx, ctx.networkId, id, input.memberships);
      await recordAudit(tx, ctx, {
        action: 'user.create',
        entityType: 'user',
        entityId: id,
        details: { roles: input.memberships.map((m) => m.role) },
      });
      const row = await q.findUser(tx, ctx.networkId, id);
      return (await q.toViews(tx, ctx.networkId, [row!]))[0]!;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'users_email_key')) throw emailTaken();
    throw err;
  }
}

export async function updateUser(db: Db, ctx: ServiceContext, id: string, input: UserUpdateInput): Promise<UserView> {
  requireMay(ctx.actor, 'update', { type: 'user' });
  const { version, password, memberships, ...changes } = input;
  if (id === ctx.actor.userId) {
    // An admin cannot lock themselves out; another admin has to do it.
    if (changes.status === 'disabled')
      throw new Invalid('You cannot disable your own account', { status: ['You cannot disable your own account'] });
    if (memberships && !memberships.some((m) => m.role === 'network_admin')) {
      throw new Invalid('You cannot remove your own admin role', { memberships: ['You cannot remove your own admin role'] });
    }
  }
  const passwordHash = password ? await hashPassword(password) : undefined;
  return db.transaction().execute(async (tx) => {
    const before = await q.findUser(tx, ctx.networkId, id);
    if (!before) throw new NotFound('User');
    if (before.version !== version)
      throw new Conflict('The user was changed by someone else', (await q.toViews(tx, ctx.networkId, [before]))[0]);
    if (memberships) await checkMemberships(tx, ctx.networkId, memberships);
    await tx
      .updateTable('users')
      .set((eb) => ({
        display_name: changes.displayName,
        locale: changes.locale,
        status: changes.status,
        password_hash: passwordHash,
        password_changed_at: passwordHash ? new Date() : undefined,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .where('network_id', '=', ctx.networkId)
      .execute();
    if (memberships) await q.replaceMemberships(tx, ctx.networkId, id, memberships);
    // A disabled account or a reset password ends every session of that user at once.
    if (changes.status === 'disabled' || passwordHash) await deleteSessionsOfUser(tx, id);
    const fields = [
      ...Object.keys(changes).filter((k) => changes[k as keyof typeof changes] !== undefined),
      ...(memberships ? ['memberships'] : []),
      ...(password ? ['password'] : []),
    ];
    await recordAudit(tx, ctx, { action: 'user.update', entityType: 'user', entityId: id, details: { fields } });
    const row = await q.findUser(tx, ctx.networkId, id);
    return (await q.toViews(tx, ctx.networkId, [row!]))[0]!;
  });
}
