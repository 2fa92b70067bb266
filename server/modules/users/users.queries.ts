import type { Db, Tx } from '../../db/database.ts';
import { containsPattern } from '../../http/lists.ts';
import type { Role } from '../access/roles.schemas.ts';
import type { MembershipInput, UserListQuery, UserView } from './users.schemas.ts';

const sortColumn = { displayName: 'display_name', email: 'email', status: 'status', updatedAt: 'updated_at' } as const;
const columns = ['id', 'email', 'display_name', 'locale', 'status', 'version', 'created_at', 'updated_at'] as const;

type UserRow = Awaited<ReturnType<typeof findUser>> & object;

export function findUser(db: Db | Tx, networkId: string, id: string) {
  return db.selectFrom('users').select(columns).where('network_id', '=', networkId).where('id', '=', id).executeTakeFirst();
}

export async function listUsers(db: Db, networkId: string, query: UserListQuery) {
  let base = db.selectFrom('users').where('network_id', '=', networkId);
  if (query.status) base = base.where('status', '=', query.status);
  if (query.q) {
    const pattern = containsPattern(query.q);
    base = base.where((eb) => eb.or([eb('display_name', 'ilike', pattern), eb('email', 'ilike', pattern)]));
  }
  if (query.role || query.organisationId) {
    base = base.where('id', 'in', (eb) => {
      let m = eb.selectFrom('memberships').select('user_id').where('network_id', '=', networkId);
      if (query.role) m = m.where('role', '=', query.role);
      if (query.organisationId) m = m.where('organisation_id', '=', query.organisationId);
      return m;
    });
  }
  const [rows, count] = await Promise.all([
    base
      .select(columns)
      .orderBy(sortColumn[query.sort], query.order)
      .orderBy('id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function membershipsOf(db: Db | Tx, networkId: string, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('memberships')
    .leftJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select(['memberships.user_id', 'memberships.role', 'memberships.organisation_id', 'organisations.name as organisation_name'])
    .where('memberships.network_id', '=', networkId)
    .where('memberships.user_id', 'in', userIds)
    .orderBy('memberships.role')
    .execute();
}

export async function replaceMemberships(tx: Tx, networkId: string, userId: string, memberships: MembershipInput[]): Promise<void> {
  await tx.deleteFrom('memberships').where('user_id', '=', userId).where('network_id', '=', networkId).execute();
  await tx
    .insertInto('memberships')
    .values(memberships.map((m) => ({ network_id: networkId, user_id: userId, role: m.role, organisation_id: m.organisationId })))
    .execute();
}

export function organisationKinds(db: Db | Tx, networkId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('organisations').select(['id', 'kind']).where('network_id', '=', networkId).where('id', 'in', ids).execute();
}

/** Users with their memberships, shaped for the API. */
export async function toViews(db: Db | Tx, networkId: string, rows: UserRow[]): Promise<UserView[]> {
  const memberships = await membershipsOf(
    db,
    networkId,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    locale: row.locale as UserView['locale'],
    status: row.status,
    memberships: memberships
      .filter((m) => m.user_id === row.id)
      .map((m) => ({ role: m.role as Role, organisationId: m.organisation_id, organisationName: m.organisation_name })),
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  }));
}
