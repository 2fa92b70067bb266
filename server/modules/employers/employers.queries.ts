import type { Db, Tx } from '../../db/database.ts';
import { containsPattern } from '../../http/lists.ts';
import type { EmployerContactView, EmployerListQuery, EmployerView } from './employers.schemas.ts';

// Employers are the network's organisations of kind employer; every statement here
// filters on both, so a partner's or another network's id is simply not found.

const sortColumn = { name: 'organisations.name', sector: 'organisations.sector', updatedAt: 'organisations.updated_at' } as const;

function baseSelect(db: Db | Tx, networkId: string) {
  return db
    .selectFrom('organisations')
    .leftJoin('cities', 'cities.id', 'organisations.city_id')
    .where('organisations.network_id', '=', networkId)
    .where('organisations.kind', '=', 'employer');
}

const columns = [
  'organisations.id',
  'organisations.name',
  'organisations.city_id',
  'cities.name as city_name',
  'organisations.sector',
  'organisations.size',
  'organisations.address',
  'organisations.postcode',
  'organisations.email',
  'organisations.phone',
  'organisations.description',
  'organisations.notes',
  'organisations.contact_persons',
  'organisations.active',
  'organisations.version',
  'organisations.updated_at',
] as const;

/** The view's columns, with the count of the employer's open vacancies. */
function selectView(base: ReturnType<typeof baseSelect>, networkId: string) {
  return base
    .select(columns)
    .select((eb) =>
      eb
        .selectFrom('vacancies')
        .select(eb.fn.countAll<string>().as('n'))
        .where('vacancies.network_id', '=', networkId)
        .whereRef('vacancies.employer_id', '=', 'organisations.id')
        .where('vacancies.status', '=', 'open')
        .as('open_vacancies'),
    );
}

export type EmployerRow = Awaited<ReturnType<typeof findEmployer>> & object;

/** The staff's notes only where the actor may read them: never in the employer's own view. */
export function toEmployerView(row: EmployerRow, { withNotes }: { withNotes: boolean }): EmployerView {
  return {
    id: row.id,
    name: row.name,
    cityId: row.city_id,
    cityName: row.city_name,
    sector: row.sector,
    size: row.size,
    address: row.address,
    postcode: row.postcode,
    email: row.email,
    phone: row.phone,
    description: row.description,
    notes: withNotes ? row.notes : null,
    contactPersons: row.contact_persons,
    active: row.active,
    openVacancies: Number(row.open_vacancies ?? 0),
    version: row.version,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export function findEmployer(db: Db | Tx, networkId: string, id: string) {
  return selectView(baseSelect(db, networkId).where('organisations.id', '=', id), networkId).executeTakeFirst();
}

/** Whether the id is an employer of the network (other modules check references with it). */
export async function employerExists(db: Db | Tx, networkId: string, id: string): Promise<boolean> {
  return !!(await baseSelect(db, networkId).select('organisations.id').where('organisations.id', '=', id).executeTakeFirst());
}

/** A page of the network's employers; `scope` limits it to these ids (an employer's own contacts). */
export async function listEmployers(db: Db, networkId: string, scope: string[] | null, query: EmployerListQuery) {
  let base = baseSelect(db, networkId);
  if (scope) base = base.where('organisations.id', 'in', scope);
  if (query.q) base = base.where('organisations.name', 'ilike', containsPattern(query.q));
  if (query.sector) base = base.where('organisations.sector', 'ilike', containsPattern(query.sector));
  if (query.size) base = base.where('organisations.size', '=', query.size);
  const [rows, count] = await Promise.all([
    selectView(base, networkId)
      .orderBy(sortColumn[query.sort], query.order)
      .orderBy('organisations.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

// ---- The contact log ---------------------------------------------------------

function selectContacts(db: Db | Tx, networkId: string, employerId: string) {
  return db
    .selectFrom('employer_contacts')
    .leftJoin('users', 'users.id', 'employer_contacts.recorded_by')
    .selectAll('employer_contacts')
    .select('users.display_name as recorded_by_name')
    .where('employer_contacts.network_id', '=', networkId)
    .where('employer_contacts.employer_id', '=', employerId);
}

type ContactRow = Awaited<ReturnType<ReturnType<typeof selectContacts>['executeTakeFirstOrThrow']>>;

export function toContactView(row: ContactRow): EmployerContactView {
  return {
    id: row.id,
    employerId: row.employer_id,
    kind: row.kind,
    contactedOn: row.contacted_on,
    note: row.note,
    recordedByName: row.recorded_by_name,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Newest first: by the day of the contact, then by when it was written down. */
export function listContacts(db: Db | Tx, networkId: string, employerId: string) {
  return selectContacts(db, networkId, employerId)
    .orderBy('employer_contacts.contacted_on', 'desc')
    .orderBy('employer_contacts.created_at', 'desc')
    .orderBy('employer_contacts.id')
    .execute();
}

export function findContact(db: Db | Tx, networkId: string, employerId: string, id: string) {
  return selectContacts(db, networkId, employerId).where('employer_contacts.id', '=', id).executeTakeFirstOrThrow();
}
