import { expressionBuilder, sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
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

type ListQuery = Omit<ParticipantListQuery, 'page' | 'pageSize'>;
type Condition = (eb: ExpressionBuilder<DB, 'participants'>) => Expression<SqlBool>;

/** The list's filters other than the name (status, case manager, city, German level, residence). */
function filterConditions(query: ListQuery): Condition {
  return (eb) => {
    const all: Expression<SqlBool>[] = [];
    if (query.status) all.push(eb('participants.case_status', '=', query.status));
    if (query.caseManagerId) all.push(eb('participants.case_manager_id', '=', query.caseManagerId));
    if (query.cityId) all.push(eb('participants.case_city_id', '=', query.cityId));
    if (query.germanLevel) all.push(eb('participants.german_level', '=', query.germanLevel));
    if (query.residenceTitle) all.push(eb('participants.residence_title', '=', query.residenceTitle));
    if (query.deadlineWithinDays !== undefined) {
      all.push(eb('participants.residence_valid_until', '<=', sql<string>`current_date + ${query.deadlineWithinDays}::int`));
    }
    return eb.and(all);
  };
}

export async function listParticipants(
  db: Db,
  networkId: string,
  officeIds: string[],
  query: ListQuery,
  page?: { limit: number; offset: number },
): Promise<{ rows: ListRow[]; total: number; totalCapped: boolean }> {
  const name = query.q ? await foldQuery(db, query.q) : undefined;
  // A query with nothing to compare (no Latin letters: "محمد", "-") matches everyone, as it always has.
  if (name?.words.length) return searchByName(db, networkId, officeIds, query, name, page);

  const base = scoped(db, networkId, officeIds).where(filterConditions(query));
  const column = sortColumn[query.sort === 'relevance' ? 'familyName' : query.sort];
  let rows = base
    .select(listColumns)
    .orderBy(column, (ob) => (query.order === 'asc' ? ob.asc() : ob.desc()).nullsLast())
    .orderBy('participants.family_name')
    .orderBy('participants.id');
  if (page) rows = rows.limit(page.limit).offset(page.offset);
  // The count stops at COUNT_CAP + 1: an exact count of an unselective filter over a
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
  return { rows: items, total: page ? Math.min(matches, COUNT_CAP) : matches, totalCapped: !!page && matches > COUNT_CAP };
}

// ---- Name search -------------------------------------------------------------

/** The query as the stored names are kept (lotse_fold_name, lotse_name_codes; decision 0008). */
interface FoldedName {
  folded: string;
  /** The folded name's words (a-z only). */
  words: string[];
  codes: string[];
}

async function foldQuery(db: Db, q: string): Promise<FoldedName> {
  const { rows } = await sql<{ folded: string | null; codes: string[] | null }>`
    SELECT lotse_fold_name(${q}) AS folded, lotse_name_codes(${q}) AS codes`.execute(db);
  const folded = rows[0]?.folded ?? '';
  return { folded, words: folded.split(' ').filter((w) => /^[a-z]+$/.test(w)), codes: rows[0]?.codes ?? [] };
}

/** The words of the folded name, as participants_name_words_idx holds them (migration 0007). */
const nameWords = sql`to_tsvector('simple', participants.name_folded)`;
const wordsMatch = (tsquery: string) => sql<SqlBool>`${nameWords} @@ ${tsquery}::tsquery`;

/**
 * One stage of the search: who it finds (`all`) and the same people in groups, best first
 * (`groups`; a person belongs to the first group whose condition holds). Every condition
 * is answered from a name index (migrations 0002 and 0007).
 */
interface Stage {
  all: Condition;
  groups: Condition[];
}

/**
 * The search in stages; the first that finds anyone answers.
 * 1. Every word of the query as a whole word of the name, in any order ("Hassan Mohammed"
 *    finds Mohammed Al-Hassan); then with the last word as the start of a word (typing
 *    "moham"); then the same phonetic codes (Mohamad finds Muhammad, Chalid finds Khalid).
 * 2. The typo that phonetics miss, by trigrams: the whole name like the whole query
 *    (pg_trgm's similarity, %). With several words, first the names where every word of
 *    the query is like one of theirs (strict word similarity, %>>: Olena Kowalenko finds
 *    Olena Kovalenko), then where some word is.
 */
function nameStages(name: FoldedName): Stage[] {
  const { words, codes, folded } = name;
  const last = words.at(-1)!;
  const exact = words.join(' & ');
  const prefix = [...words.slice(0, -1), `${last}:*`].join(' & ');
  const byCodes: Condition = (eb) => eb('participants.name_codes', '@>', sql<string[]>`${codes}::text[]`);
  const first: Stage = {
    all: codes.length ? (eb) => eb.or([wordsMatch(prefix), byCodes(eb)]) : () => wordsMatch(prefix),
    groups: [() => wordsMatch(exact), () => wordsMatch(`${prefix} & !${last}`)],
  };
  if (codes.length) first.groups.push(byCodes);

  const whole = sql<SqlBool>`participants.name_folded % ${folded}`;
  const long = words.filter((w) => w.length >= 3);
  if (long.length < 2) return [first, { all: () => whole, groups: [() => whole] }];
  const alike = long.map((w) => sql<SqlBool>`participants.name_folded %>> ${w}`);
  return [
    first,
    {
      all: (eb) => eb.or([...alike, whole]),
      groups: [(eb) => eb.and(alike), (eb) => eb.or(alike), () => whole],
    },
  ];
}

/**
 * A page of a name search and its total, counted as the plain list counts (exactly up to
 * COUNT_CAP). Sorted by relevance, each group in turn gives up to COUNT_CAP + 1 people
 * through the name indexes, ordered by trigram similarity to the query (ties by name):
 * a group of up to COUNT_CAP people completely, a larger one by those first found; pages
 * beyond COUNT_CAP are not offered (decision 0014). Sorted by a column, all hits are read
 * through the name indexes and sorted.
 */
async function searchByName(
  db: Db,
  networkId: string,
  officeIds: string[],
  query: ListQuery,
  name: FoldedName,
  page?: { limit: number; offset: number },
): Promise<{ rows: ListRow[]; total: number; totalCapped: boolean }> {
  const scope: Condition = (eb) =>
    eb.and([
      eb('participants.network_id', '=', networkId),
      eb('participants.office_id', 'in', officeIds.length ? officeIds : ['00000000-0000-0000-0000-000000000000']),
      eb('participants.merged_into', 'is', null),
      filterConditions(query)(eb),
    ]);
  const score = sql<number>`similarity(participants.name_folded, ${name.folded})`;
  const wanted = page ? page.offset + page.limit : Infinity;

  for (const stage of nameStages(name)) {
    const ids: string[] = [];
    let total = 0;
    if (query.sort !== 'relevance' || !page) {
      const order = query.sort === 'relevance' ? undefined : query.sort;
      const found = await sortedHits(db, scope, stage, order ? { column: sortColumn[order], asc: query.order === 'asc' } : score, wanted);
      ids.push(...found.ids);
      total = found.total;
    } else {
      for (const group of stage.groups) {
        // The earlier groups are complete (COUNT_CAP at most): their people are left out by id.
        const earlier = [...ids];
        const found = await db
          .selectFrom(
            db
              .selectFrom('participants')
              .select(['participants.id', 'participants.family_name', 'participants.given_names', score.as('score')])
              .where(scope)
              .where(group)
              .$if(earlier.length > 0, (qb) => qb.where(sql<SqlBool>`participants.id <> ALL(${earlier}::uuid[])`))
              .limit(COUNT_CAP + 1)
              .as('hits'),
          )
          .select('hits.id')
          .orderBy('hits.score', 'desc')
          .orderBy('hits.family_name')
          .orderBy('hits.given_names')
          .orderBy('hits.id')
          .execute();
        total += found.length;
        ids.push(...found.map((r) => r.id));
        // A larger group is shown by the first COUNT_CAP + 1 found, and is the last one read.
        if (found.length > COUNT_CAP) break;
      }
    }
    if (total === 0) continue;
    const shown = page ? ids.slice(page.offset, wanted) : ids;
    return {
      rows: shown.length ? await listRows(db, networkId, officeIds, shown) : [],
      total: page ? Math.min(total, COUNT_CAP) : total,
      totalCapped: !!page && total > COUNT_CAP,
    };
  }
  return { rows: [], total: 0, totalCapped: false };
}

/**
 * All hits of a stage, read through the name indexes (the CTE keeps the planner from walking
 * a list index and testing names row by row: hits of a family name sit together in it),
 * then sorted: by a column, or by group and similarity (the export). The first `limit`.
 */
async function sortedHits(
  db: Db,
  scope: Condition,
  stage: Stage,
  order: { column: (typeof sortColumn)[keyof typeof sortColumn]; asc: boolean } | RawBuilder<number>,
  limit: number,
): Promise<{ ids: string[]; total: number }> {
  const eb = expressionBuilder<DB, 'participants'>();
  const keys =
    'column' in order
      ? [sql.ref(order.column).as('sort_key'), sql.lit(0).as('grp')]
      : [
          order.as('sort_key'),
          sql<number>`CASE ${sql.join(
            stage.groups.map((group, i) => sql`WHEN ${group(eb)} THEN ${sql.lit(i)}`),
            sql` `,
          )} END`.as('grp'),
        ];
  const direction = 'column' in order ? (order.asc ? sql`ASC NULLS LAST` : sql`DESC NULLS LAST`) : sql`DESC`;
  let rows = db
    .with(
      (cte) => cte('hits').materialized(),
      (qb) =>
        qb
          .selectFrom('participants')
          .select(['participants.id', 'participants.family_name', 'participants.given_names', ...keys])
          .where(scope)
          .where(stage.all),
    )
    .selectFrom('hits')
    .select(['hits.id', sql<string>`count(*) over ()`.as('n')])
    .orderBy('hits.grp')
    .orderBy(sql`hits.sort_key ${direction}`)
    .orderBy('hits.family_name');
  // Ties as the plain list breaks them; by relevance, by the whole name.
  if (!('column' in order)) rows = rows.orderBy('hits.given_names');
  rows = rows.orderBy('hits.id');
  if (Number.isFinite(limit)) rows = rows.limit(Math.max(limit, 1));
  const found = await rows.execute();
  return { ids: found.slice(0, limit).map((r) => r.id), total: found.length ? Number(found[0]!.n) : 0 };
}

/** The list rows of the given people, in the given order. */
async function listRows(db: Db, networkId: string, officeIds: string[], ids: string[]): Promise<ListRow[]> {
  const rows = await scoped(db, networkId, officeIds).select(listColumns).where('participants.id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
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
