import type { Db, Tx } from '../../db/database.ts';
import { containsPattern } from '../../http/lists.ts';
import type { OrganisationListQuery, OrganisationView } from './organisations.schemas.ts';

const sortColumn = { name: 'organisations.name', kind: 'organisations.kind', updatedAt: 'organisations.updated_at' } as const;

function baseSelect(db: Db | Tx, networkId: string) {
  return db
    .selectFrom('organisations')
    .leftJoin('cities', 'cities.id', 'organisations.city_id')
    .where('organisations.network_id', '=', networkId);
}

const columns = [
  'organisations.id',
  'organisations.kind',
  'organisations.name',
  'organisations.city_id',
  'cities.name as city_name',
  'organisations.description',
  'organisations.email',
  'organisations.phone',
  'organisations.address',
  'organisations.active',
  'organisations.version',
  'organisations.updated_at',
] as const;

type Row = Awaited<ReturnType<typeof findOrganisation>> & object;

export function toView(row: Row): OrganisationView {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    cityId: row.city_id,
    cityName: row.city_name,
    description: row.description,
    email: row.email,
    phone: row.phone,
    address: row.address,
    active: row.active,
    version: row.version,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export function findOrganisation(db: Db | Tx, networkId: string, id: string) {
  return baseSelect(db, networkId).select(columns).where('organisations.id', '=', id).executeTakeFirst();
}

export async function listOrganisations(db: Db, networkId: string, query: OrganisationListQuery) {
  let base = baseSelect(db, networkId);
  if (query.kind) base = base.where('organisations.kind', '=', query.kind);
  if (query.active) base = base.where('organisations.active', '=', query.active === 'true');
  if (query.q) base = base.where('organisations.name', 'ilike', containsPattern(query.q));
  const [rows, count] = await Promise.all([
    base
      .select(columns)
      .orderBy(sortColumn[query.sort], query.order)
      .orderBy('organisations.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export function cityExists(db: Db | Tx, networkId: string, cityId: string) {
  return db.selectFrom('cities').select('id').where('network_id', '=', networkId).where('id', '=', cityId).executeTakeFirst();
}
