import { sql, type ExpressionBuilder } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { CaseView, ParticipantListItem, ParticipantListQuery, ParticipantView } from './participants.schemas.ts';

/**
 * Participants of the given offices; merged-away records excluded. The list columns
 * (case status, entry date, case manager, city, residence title and expiry) are on the
 * participant, kept by triggers (migration 0004), so filters and sorts use its indexes.
 */
function scoped(db: Db | Tx, networkId: string, officeIds: string[]) {
  return db
    .selectFrom('participants')
    .innerJoin('organisations as office', 'office.id', 'participants.office_id')
    .leftJoin('cities', 'cities.id', 'participants.case_city_id')
    .leftJoin('users as case_manager', 'case_manager.id', 'participants.case_manager_id')
    .where('participants.network_id', '=', networkId)
    .where('participants.office_id', 'in', officeIds.length ? officeIds : ['00000000-0000-0000-0000-000000000000'])
    .where('participants.merged_into', 'is', null);
}

const listColumns = [
  'participants.id',
  'participants.given_names',
  'participants.family_name',
  'participants.preferred_name',
  'participants.birth_date',
  'participants.gender',
  'participants.german_level',
  'participants.office_id',
  'office.name as office_name',
  'cities.name as city_name',
  'participants.case_status',
  'participants.case_entry_date',
  'case_manager.display_name as case_manager_name',
  'participants.residence_title',
  'participants.residence_valid_until',
] as const;

/** Lists count their matches exactly up to this many; beyond, the total says "more than". */
export const COUNT_CAP = 1000;

/** One row of the list query (listColumns). */
interface ListRow {
  id: string;
  given_names: string;
  family_name: string;
  preferred_name: string | null;
  birth_date: string | null;
  gender: ParticipantListItem['gender'];
  german_level: string | null;
  office_id: string;
  office_name: string;
  city_name: string | null;
  case_status: ParticipantListItem['caseStatus'];
  case_entry_date: string | null;
  case_manager_name: string | null;
  residence_title: string | null;
  residence_valid_until: string | null;
}

export function toListItem(row: ListRow): ParticipantListItem {
  return {
    id: row.id,
    givenNames: row.given_names,
    familyName: row.family_name,
    preferredName: row.preferred_name,
    birthDate: row.birth_date,
    gender: row.gender,
    germanLevel: row.german_level as ParticipantListItem['germanLevel'],
    officeId: row.office_id,
    officeName: row.office_name,
    cityName: row.city_name,
    caseStatus: row.case_status,
    caseManagerName: row.case_manager_name,
    entryDate: row.case_entry_date,
    residenceTitle: row.residence_title,
    residenceValidUntil: row.residence_valid_until,
  };
}

const sortColumn = {
  familyName: 'participants.family_name',
  givenNames: 'participants.given_names',
  birthDate: 'participants.birth_date',
  entryDate: 'participants.case_entry_date',
  caseStatus: 'participants.case_status',
  residenceValidUntil: 'participants.residence_valid_until',
} as const;

/**
 * Name search that forgives transliteration: the person has all phonetic codes of the
 * query (Mohamad Hasan finds Muhammad Al-Hassan) or the folded name contains the folded
 * query at the start of a word (typing "moham"). Each arm is its own index scan (UNION), which PostgreSQL does
 * not choose by itself for an OR of GIN conditions. `fuzzy` adds trigram similarity,
 * for the rare typo that phonetics miss; it is slower and only used when the rest finds nothing.
 */
function nameMatches(eb: ExpressionBuilder<DB, 'participants'>, networkId: string, q: string, fuzzy: boolean) {
  const byCodes = eb
    .selectFrom('participants as p')
    .select('p.id')
    .where('p.network_id', '=', networkId)
    .where('p.name_codes', '@>', sql<string[]>`lotse_name_codes(${q})`);
  const bySubstring = eb
    .selectFrom('participants as p')
    .select('p.id')
    .where('p.network_id', '=', networkId)
    // Word prefixes ("moh", "al-has"), so that Amal does not also find every Jamal.
    .where((w) =>
      w.or([
        w('p.name_folded', 'like', sql<string>`lotse_fold_name(${q}) || '%'`),
        w('p.name_folded', 'like', sql<string>`'% ' || lotse_fold_name(${q}) || '%'`),
      ]),
    );
  const bySimilarity = eb
    .selectFrom('participants as p')
    .select('p.id')
    .where('p.network_id', '=', networkId)
    .where('p.name_folded', sql`%`, sql<string>`lotse_fold_name(${q})`);
  return eb('participants.id', 'in', fuzzy ? byCodes.union(bySubstring).union(bySimilarity) : byCodes.union(bySubstring));
}

export async function listParticipants(
  db: Db,
  networkId: string,
  officeIds: string[],
  query: Omit<ParticipantListQuery, 'page' | 'pageSize'>,
  page?: { limit: number; offset: number },
  fuzzy = false,
): Promise<{ rows: ListRow[]; total: number; totalCapped: boolean }> {
  let base = scoped(db, networkId, officeIds);
  if (query.status) base = base.where('participants.case_status', '=', query.status);
  if (query.caseManagerId) base = base.where('participants.case_manager_id', '=', query.caseManagerId);
  if (query.cityId) base = base.where('participants.case_city_id', '=', query.cityId);
  if (query.germanLevel) base = base.where('participants.german_level', '=', query.germanLevel);
  if (query.residenceTitle) base = base.where('participants.residence_title', '=', query.residenceTitle);
  if (query.deadlineWithinDays !== undefined) {
    base = base.where('participants.residence_valid_until', '<=', sql<string>`current_date + ${query.deadlineWithinDays}::int`);
  }
  const q = query.q;
  if (q) base = base.where((eb) => nameMatches(eb as unknown as ExpressionBuilder<DB, 'participants'>, networkId, q, fuzzy));

  let rows = base.select(listColumns);
  if (query.sort === 'relevance' && q) {
    rows = rows.orderBy(sql`similarity(participants.name_folded, lotse_fold_name(${q}))`, 'desc');
  } else {
    const column = sortColumn[query.sort === 'relevance' ? 'familyName' : query.sort];
    rows = rows.orderBy(column, (ob) => (query.order === 'asc' ? ob.asc() : ob.desc()).nullsLast());
  }
  rows = rows.orderBy('participants.family_name').orderBy('participants.id');
  if (page) rows = rows.limit(page.limit).offset(page.offset);
  // A name search counts its hits in the same query: the name arms run once, and hits are few.
  if (q && page) {
    const found = await rows.select(sql<string>`count(*) over ()`.as('full_count')).execute();
    if (found.length === 0 && page.offset > 0) {
      // Past the last page there is no row to carry the count: ask for it on the first page.
      const first = await listParticipants(db, networkId, officeIds, query, { limit: 1, offset: 0 }, fuzzy);
      return { rows: [], total: first.total, totalCapped: false };
    }
    const hits = found.length ? Number(found[0]!.full_count) : 0;
    if (hits === 0 && !fuzzy) return listParticipants(db, networkId, officeIds, query, page, true);
    return { rows: found, total: hits, totalCapped: false };
  }
  // Otherwise the count stops at COUNT_CAP + 1: an exact count of an unselective filter over a
  // large office is a scan of all its people, for a number nobody pages through.
  const counted = page
    ? db
        .selectFrom(
          base
            .select(sql`1`.as('one'))
            .limit(COUNT_CAP + 1)
            .as('matches'),
        )
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    : undefined;
  const [items, count] = await Promise.all([rows.execute(), counted]);
  const matches = count ? Number(count.n) : items.length;
  if (q && matches === 0 && !fuzzy) return listParticipants(db, networkId, officeIds, query, page, true);
  return { rows: items, total: page ? Math.min(matches, COUNT_CAP) : matches, totalCapped: !!page && matches > COUNT_CAP };
}

// ---- One person -------------------------------------------------------------

export function findParticipantRow(db: Db | Tx, networkId: string, officeIds: string[], id: string) {
  return scoped(db, networkId, officeIds)
    .selectAll('participants')
    .select(['office.name as office_name'])
    .where('participants.id', '=', id)
    .executeTakeFirst();
}

export async function findCase(db: Db | Tx, caseId: string): Promise<CaseView | null> {
  const row = await db
    .selectFrom('cases')
    .innerJoin('cities', 'cities.id', 'cases.city_id')
    .leftJoin('users', 'users.id', 'cases.case_manager_id')
    .leftJoin('funding_periods', 'funding_periods.id', 'cases.funding_period_id')
    .selectAll('cases')
    .select(['cities.name as city_name', 'users.display_name as case_manager_name', 'funding_periods.name as funding_period_name'])
    .where('cases.id', '=', caseId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    status: row.status,
    officeId: row.office_id,
    cityId: row.city_id,
    cityName: row.city_name,
    caseManagerId: row.case_manager_id,
    caseManagerName: row.case_manager_name,
    fundingPeriodId: row.funding_period_id,
    fundingPeriodName: row.funding_period_name,
    entryDate: row.entry_date,
    exitDate: row.exit_date,
    exitReason: row.exit_reason,
    version: row.version,
  };
}

type PersonRow = NonNullable<Awaited<ReturnType<typeof findParticipantRow>>>;

export async function toView(db: Db | Tx, row: PersonRow): Promise<ParticipantView> {
  return {
    id: row.id,
    officeId: row.office_id,
    officeName: row.office_name,
    givenNames: row.given_names,
    familyName: row.family_name,
    preferredName: row.preferred_name,
    birthDate: row.birth_date,
    gender: row.gender,
    nationality: row.nationality,
    languages: row.languages as ParticipantView['languages'],
    germanLevel: row.german_level as ParticipantView['germanLevel'],
    phone: row.phone,
    email: row.email,
    street: row.street,
    postcode: row.postcode,
    town: row.town,
    housing: row.housing as ParticipantView['housing'],
    familyStatus: row.family_status as ParticipantView['familyStatus'],
    childrenCount: row.children_count,
    childcareNeeded: row.childcare_needed,
    interpreterNeeded: row.interpreter_needed,
    interpreterLanguage: row.interpreter_language,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    currentCase: row.current_case_id ? await findCase(db, row.current_case_id) : null,
  };
}

/** PersonFields (camelCase) → participants columns, for the fields present. */
export function personColumns(input: Partial<Record<string, unknown>>) {
  const map: Record<string, string> = {
    givenNames: 'given_names',
    familyName: 'family_name',
    preferredName: 'preferred_name',
    birthDate: 'birth_date',
    gender: 'gender',
    nationality: 'nationality',
    germanLevel: 'german_level',
    phone: 'phone',
    email: 'email',
    street: 'street',
    postcode: 'postcode',
    town: 'town',
    housing: 'housing',
    familyStatus: 'family_status',
    childrenCount: 'children_count',
    childcareNeeded: 'childcare_needed',
    interpreterNeeded: 'interpreter_needed',
    interpreterLanguage: 'interpreter_language',
  };
  const columns: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(map)) if (input[key] !== undefined) columns[column] = input[key];
  if (input.languages !== undefined) columns.languages = JSON.stringify(input.languages);
  return columns;
}
