import type { Db } from '../../db/database.ts';
import { containsPattern } from '../../http/lists.ts';
import type { ParticipantListItem, ParticipantListQuery } from './participants.schemas.ts';

const sortColumn = {
  familyName: 'participants.family_name',
  givenNames: 'participants.given_names',
  birthDate: 'participants.birth_date',
  entryDate: 'current_case.entry_date',
  caseStatus: 'current_case.status',
} as const;

/** Participants of the given offices, each with their latest case. */
function scoped(db: Db, networkId: string, officeIds: string[]) {
  return db
    .selectFrom('participants')
    .innerJoin('organisations as office', 'office.id', 'participants.office_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('cases')
          .select(['cases.status', 'cases.entry_date', 'cases.city_id', 'cases.case_manager_id'])
          .whereRef('cases.participant_id', '=', 'participants.id')
          .orderBy('cases.created_at', 'desc')
          .limit(1)
          .as('current_case'),
      (join) => join.onTrue(),
    )
    .leftJoin('cities', 'cities.id', 'current_case.city_id')
    .leftJoin('users as case_manager', 'case_manager.id', 'current_case.case_manager_id')
    .where('participants.network_id', '=', networkId)
    .where('participants.office_id', 'in', officeIds);
}

const columns = [
  'participants.id',
  'participants.given_names',
  'participants.family_name',
  'participants.birth_date',
  'participants.gender',
  'participants.office_id',
  'participants.version',
  'office.name as office_name',
  'cities.name as city_name',
  'current_case.status as case_status',
  'current_case.entry_date',
  'case_manager.display_name as case_manager_name',
] as const;

type Row = Awaited<ReturnType<typeof findParticipant>> & object;

export function toItem(row: Row): ParticipantListItem {
  return {
    id: row.id,
    givenNames: row.given_names,
    familyName: row.family_name,
    birthDate: row.birth_date,
    gender: row.gender,
    officeId: row.office_id,
    officeName: row.office_name,
    cityName: row.city_name,
    caseStatus: row.case_status,
    caseManagerName: row.case_manager_name,
    entryDate: row.entry_date,
  };
}

export function findParticipant(db: Db, networkId: string, officeIds: string[], id: string) {
  return scoped(db, networkId, officeIds).select(columns).where('participants.id', '=', id).executeTakeFirst();
}

export async function listParticipants(db: Db, networkId: string, officeIds: string[], query: ParticipantListQuery) {
  let base = scoped(db, networkId, officeIds);
  if (query.status) base = base.where('current_case.status', '=', query.status);
  if (query.q) {
    const pattern = containsPattern(query.q);
    base = base.where((eb) => eb.or([eb('participants.family_name', 'ilike', pattern), eb('participants.given_names', 'ilike', pattern)]));
  }
  const [rows, count] = await Promise.all([
    base
      .select(columns)
      .orderBy(sortColumn[query.sort], query.order)
      .orderBy('participants.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
