import type { Db, Tx } from '../../db/database.ts';
import { containsPattern } from '../../http/lists.ts';
import type { VacancyListQuery, VacancyView } from './vacancies.schemas.ts';

// Every statement filters on the network: another network's vacancy is simply not found.

const sortColumn = {
  updatedAt: 'vacancies.updated_at',
  title: 'vacancies.title',
  startsOn: 'vacancies.starts_on',
  employer: 'organisations.name',
} as const;

/** The vacancy as stored, or undefined. Matching and proposals read it through this. */
export async function findVacancy(db: Db | Tx, networkId: string, id: string) {
  return db.selectFrom('vacancies').selectAll().where('network_id', '=', networkId).where('id', '=', id).executeTakeFirst();
}

function baseSelect(db: Db | Tx, networkId: string) {
  return db
    .selectFrom('vacancies')
    .innerJoin('organisations', 'organisations.id', 'vacancies.employer_id')
    .where('vacancies.network_id', '=', networkId);
}

/** The stored columns, the employer's name and the number of candidates hired. */
function selectView(base: ReturnType<typeof baseSelect>, networkId: string) {
  return base
    .selectAll('vacancies')
    .select('organisations.name as employer_name')
    .select((eb) =>
      eb
        .selectFrom('proposals')
        .select(eb.fn.countAll<string>().as('n'))
        .where('proposals.network_id', '=', networkId)
        .whereRef('proposals.vacancy_id', '=', 'vacancies.id')
        .where('proposals.stage', '=', 'hired')
        .as('hired'),
    );
}

export type VacancyViewRow = Awaited<ReturnType<typeof findVacancyView>> & object;
export interface SkillLabel {
  id: string;
  labelDe: string;
  labelEn: string;
}

export function findVacancyView(db: Db | Tx, networkId: string, id: string) {
  return selectView(baseSelect(db, networkId).where('vacancies.id', '=', id), networkId).executeTakeFirst();
}

/** The row as the API shows it; `skills` resolves the required skill ids (see skillLabels). */
export function toVacancyView(row: VacancyViewRow, skills: Map<string, SkillLabel>): VacancyView {
  return {
    id: row.id,
    employerId: row.employer_id,
    employerName: row.employer_name,
    kind: row.kind,
    title: row.title,
    occupation: row.occupation,
    description: row.description,
    requiredSkills: row.required_skill_ids.flatMap((id) => skills.get(id) ?? []),
    germanLevel: row.german_level as VacancyView['germanLevel'],
    drivingLicence: row.driving_licence,
    shiftWork: row.shift_work,
    weekendWork: row.weekend_work,
    physicalDemands: row.physical_demands,
    postcode: row.postcode,
    town: row.town,
    hoursPerWeek: row.hours_per_week,
    startsOn: row.starts_on,
    places: row.places,
    hired: Number(row.hired ?? 0),
    status: row.status,
    version: row.version,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** The network's skills among these ids, by id. */
export async function skillLabels(db: Db | Tx, networkId: string, ids: readonly string[]): Promise<Map<string, SkillLabel>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('skills')
    .select(['id', 'label_de', 'label_en'])
    .where('network_id', '=', networkId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, labelDe: r.label_de, labelEn: r.label_en }]));
}

/** Rows to views with one query for all their skills. */
export async function toVacancyViews(db: Db | Tx, networkId: string, rows: VacancyViewRow[]): Promise<VacancyView[]> {
  const skills = await skillLabels(
    db,
    networkId,
    rows.flatMap((r) => r.required_skill_ids),
  );
  return rows.map((r) => toVacancyView(r, skills));
}

/** A page of vacancies; `scope` limits it to these employers (an employer's own contacts). */
export async function listVacancies(db: Db, networkId: string, scope: string[] | null, query: VacancyListQuery) {
  let base = baseSelect(db, networkId);
  if (scope) base = base.where('vacancies.employer_id', 'in', scope);
  if (query.employerId) base = base.where('vacancies.employer_id', '=', query.employerId);
  if (query.status) base = base.where('vacancies.status', '=', query.status);
  if (query.kind) base = base.where('vacancies.kind', '=', query.kind);
  if (query.q) {
    const pattern = containsPattern(query.q);
    // What a coach types: the job, the company or the place.
    base = base.where((eb) =>
      eb.or([
        eb('vacancies.title', 'ilike', pattern),
        eb('vacancies.occupation', 'ilike', pattern),
        eb('organisations.name', 'ilike', pattern),
        eb('vacancies.town', 'ilike', pattern),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    selectView(base, networkId)
      .orderBy(sortColumn[query.sort], query.order)
      .orderBy('vacancies.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
