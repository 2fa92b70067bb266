import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import { coordinatesOf } from '../geo/postcodes.ts';
import type { Reachability } from './matching.schemas.ts';
import type { CandidateFacts, SkillLabel, VacancyFacts } from './matching.score.ts';

// What matching reads: candidates with their intake, job profile, residence document and
// employability check (the result only), and the network's open vacancies. One query each,
// so that a whole network is matched with two round trips.

const CAR_LICENCES = new Set(['B', 'BE', 'C', 'CE', 'D']);

/** Candidates: people of the offices with an open case (invited, active, paused). */
export function candidateRows(db: Db | Tx, networkId: string, officeIds: string[]) {
  return db
    .selectFrom('participants as p')
    .leftJoin('intakes as i', 'i.case_id', 'p.current_case_id')
    .leftJoin('job_profiles as jp', 'jp.participant_id', 'p.id')
    .leftJoin('residence_statuses as r', 'r.id', 'p.current_residence_id')
    .leftJoin('employability_checks as e', 'e.participant_id', 'p.id')
    .select([
      'p.id',
      'p.office_id',
      'p.given_names',
      'p.family_name',
      'p.preferred_name',
      'p.german_level',
      'p.postcode',
      'p.childcare_needed',
      sql<{ skillId: string }[] | null>`i.sections -> 'skills' -> 'items'`.as('skills'),
      sql<Record<string, unknown> | null>`i.sections -> 'mobility'`.as('mobility'),
      'jp.reachability',
      'jp.max_hours_per_week',
      'jp.available_from',
      'jp.shift_work',
      'jp.weekend_work',
      'r.work_clause',
      'e.result as employability',
    ])
    .where('p.network_id', '=', networkId)
    .where('p.office_id', 'in', officeIds.length ? officeIds : ['00000000-0000-0000-0000-000000000000'])
    .where('p.merged_into', 'is', null)
    .where('p.case_status', 'in', ['invited', 'active', 'paused']);
}

type CandidateRow = Awaited<ReturnType<ReturnType<typeof candidateRows>['execute']>>[number];

/** The means of travel: the job profile's, else what the intake's mobility section says. */
function reachabilityOf(row: CandidateRow): Reachability | null {
  if (row.reachability) return row.reachability;
  const m = row.mobility ?? {};
  if (m.ownCar === true) return 'car';
  if (m.publicTransport === true) return 'public_transport';
  if (m.bike === true) return 'bike';
  return null;
}

export function toCandidateFacts(row: CandidateRow): CandidateFacts & { officeId: string } {
  const licences = Array.isArray(row.mobility?.drivingLicences) ? (row.mobility.drivingLicences as string[]) : [];
  return {
    participantId: row.id,
    officeId: row.office_id,
    name: `${row.preferred_name || row.given_names} ${row.family_name}`,
    skillIds: new Set((row.skills ?? []).map((s) => s.skillId)),
    germanLevel: row.german_level as CandidateFacts['germanLevel'],
    carLicence: licences.some((l) => CAR_LICENCES.has(l)),
    reachability: reachabilityOf(row),
    coordinates: coordinatesOf(row.postcode),
    childcareNeeded: row.childcare_needed,
    maxHoursPerWeek: row.max_hours_per_week,
    availableFrom: row.available_from,
    shiftWork: row.shift_work,
    weekendWork: row.weekend_work,
    workClause: row.work_clause ?? null,
    employability: row.employability ?? null,
  };
}

/**
 * The facts matching scores vacancies on, and nothing else, as one row of text: ranking
 * reads every open vacancy of the network, and node-postgres builds an object per row and
 * per field, which for 10,000 rows cost more than the query. Titles and employers come
 * afterwards for the few results shown (vacancyLabels).
 */
export async function vacancyFacts(db: Db | Tx, networkId: string, by: { open: true } | { id: string }): Promise<VacancyFacts[]> {
  const where = 'id' in by ? sql`v.id = ${by.id}::uuid` : sql`v.status = 'open'`;
  const { rows } = await sql<{ facts: string | null }>`
    SELECT string_agg(concat_ws('|', v.id, array_to_string(v.required_skill_ids, ','), coalesce(v.german_level, ''),
             v.driving_licence::int, v.shift_work::int, v.weekend_work::int, coalesce(v.postcode, ''),
             coalesce(v.hours_per_week::text, ''), coalesce(v.starts_on::text, '')), E'\n') AS facts
    FROM vacancies v WHERE v.network_id = ${networkId}::uuid AND ${where}`.execute(db);
  const text = rows[0]?.facts;
  if (!text) return [];
  return text.split('\n').map((line) => {
    const [id, skills, german, licence, shift, weekend, postcode, hours, startsOn] = line.split('|');
    return {
      vacancyId: id!,
      requiredSkillIds: skills ? skills.split(',') : [],
      germanLevel: (german || null) as VacancyFacts['germanLevel'],
      drivingLicence: licence === '1',
      shiftWork: shift === '1',
      weekendWork: weekend === '1',
      coordinates: coordinatesOf(postcode),
      hoursPerWeek: hours ? Number(hours) : null,
      startsOn: startsOn || null,
    };
  });
}

/**
 * The open vacancies' facts, from this process's memory while the network's counter
 * (moved by triggers on every write to vacancies) has not moved since they were read.
 * The counter is read first: a change that lands in between is read again next time.
 */
const openFactsCache = new Map<string, { stamp: string; facts: VacancyFacts[] }>();
export async function openVacancyFacts(db: Db | Tx, networkId: string): Promise<VacancyFacts[]> {
  const { vacancies_changed: stamp } = await db
    .selectFrom('networks')
    .select('vacancies_changed')
    .where('id', '=', networkId)
    .executeTakeFirstOrThrow();
  const cached = openFactsCache.get(networkId);
  if (cached?.stamp === String(stamp)) return cached.facts;
  const facts = await vacancyFacts(db, networkId, { open: true });
  openFactsCache.set(networkId, { stamp: String(stamp), facts });
  return facts;
}

/** Title, kind, place and employer of the vacancies shown. */
export async function vacancyLabels(db: Db | Tx, networkId: string, ids: string[]) {
  const rows = ids.length
    ? await db
        .selectFrom('vacancies as v')
        .innerJoin('organisations as o', 'o.id', 'v.employer_id')
        .select(['v.id', 'v.title', 'v.kind', 'v.employer_id', 'o.name as employer_name', 'v.town'])
        .where('v.network_id', '=', networkId)
        .where('v.id', 'in', ids)
        .execute()
    : [];
  return new Map(rows.map((r) => [r.id, r]));
}

export async function skillLabels(db: Db | Tx, networkId: string): Promise<Map<string, SkillLabel>> {
  const rows = await db.selectFrom('skills').select(['id', 'label_de', 'label_en']).where('network_id', '=', networkId).execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, labelDe: r.label_de, labelEn: r.label_en }]));
}

/** Running proposals among the given pairs, keyed `vacancyId:participantId`. */
export async function runningProposals(db: Db | Tx, networkId: string, vacancyIds: string[], participantIds: string[]) {
  if (vacancyIds.length === 0 || participantIds.length === 0) return new Map<string, { proposalId: string; stage: string }>();
  const rows = await db
    .selectFrom('proposals')
    .select(['id', 'vacancy_id', 'participant_id', 'stage'])
    .where('network_id', '=', networkId)
    .where('vacancy_id', 'in', vacancyIds)
    .where('participant_id', 'in', participantIds)
    .where('stage', 'not in', ['rejected', 'withdrawn'])
    .execute();
  return new Map(rows.map((r) => [`${r.vacancy_id}:${r.participant_id}`, { proposalId: r.id, stage: r.stage }]));
}
