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
  const q = query.q;
  if (q) {
    const found = await db.transaction().execute(async (tx) => {
      const name = await prepareSearch(tx, q);
      // A query with nothing to compare (no Latin letters: "محمد", "-") matches everyone, as it always has.
      return name.words.length ? searchByName(tx, networkId, officeIds, query, name, page) : undefined;
    });
    if (found) return found;
  }

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

/**
 * Folds the query and, for the rest of the transaction, lets reads of participants use
 * bitmap scans only (see bitmapScansOnly), without parallel workers.
 */
async function prepareSearch(tx: Tx, q: string): Promise<FoldedName> {
  const { rows } = await sql<{ folded: string | null; codes: string[] | null }>`
    SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true),
      set_config('max_parallel_workers_per_gather', '0', true),
      lotse_fold_name(${q}) AS folded, lotse_name_codes(${q}) AS codes`.execute(tx);
  const folded = rows[0]?.folded ?? '';
  return { folded, words: folded.split(' ').filter((w) => /^[a-z]+$/.test(w)), codes: rows[0]?.codes ?? [] };
}

/**
 * Within the transaction, reads of participants use bitmap scans only, or again any plan.
 * A name condition comes from a GIN index; with many hits and a LIMIT, the planner would
 * rather scan the table (or a list index) until it has enough, testing each row, and it
 * prices a trigram test as one operator where it costs microseconds: "Olena Kowalenko"
 * sorted by family name took 200 ms that way, 30 ms through the indexes.
 */
async function bitmapScansOnly(tx: Tx, on: boolean) {
  const value = on ? 'off' : 'on';
  await sql`SELECT set_config('enable_seqscan', ${value}, true), set_config('enable_indexscan', ${value}, true)`.execute(tx);
}

/** The words of the folded name, as participants_name_words_idx holds them (migration 0007). */
const nameWords = sql`to_tsvector('simple', participants.name_folded)`;
const wordsMatch = (tsquery: string) => sql<SqlBool>`${nameWords} @@ ${tsquery}::tsquery`;

/**
 * One stage of the search: who it finds (`all`) and the same people in groups, best first
 * (`groups`; a person belongs to the first group whose condition holds). Every condition
 * is answered from a name index (migrations 0002 and 0007). `test` is `all` as a cheap test
 * of one row, for reading a list index row by row.
 */
interface Stage {
  all: Condition;
  groups: Condition[];
  test: Condition;
}

/**
 * The search in stages; the first that finds anyone answers.
 * 1. Every word of the query as a whole word of the name, in any order ("Hassan Mohammed"
 *    finds Mohammed Al-Hassan); then with the last word as the start of a word (typing
 *    "moham"); then the same phonetic codes (Mohamad finds Muhammad, Chalid finds Khalid).
 * 2. The typo that phonetics miss, by trigrams: the whole name like the whole query
 *    (pg_trgm's similarity, %). With several words, first the names where every word of
 *    the query is like one of theirs (strict word similarity, %>>: Olena Kowalenko finds
 *    Olena Kovalenko), then those with one of the query's words.
 */
function nameStages(name: FoldedName): Stage[] {
  const { words, codes, folded } = name;
  const last = words.at(-1)!;
  const exact = words.join(' & ');
  const prefix = [...words.slice(0, -1), `${last}:*`].join(' & ');
  const byCodes: Condition = (eb) => eb('participants.name_codes', '@>', sql<string[]>`${codes}::text[]`);
  // The prefix match without the text-search vector (to_tsvector costs microseconds a row).
  const spaced = sql<string>`' ' || participants.name_folded || ' '`;
  const likePrefix = sql<SqlBool>`(${sql.join(
    [...words.slice(0, -1).map((w) => sql`${spaced} LIKE ${`% ${w} %`}`), sql`${spaced} LIKE ${`% ${last}%`}`],
    sql` AND `,
  )})`;
  const first: Stage = {
    all: codes.length ? (eb) => eb.or([wordsMatch(prefix), byCodes(eb)]) : () => wordsMatch(prefix),
    groups: [() => wordsMatch(exact), () => wordsMatch(`${prefix} & !${last}`)],
    test: codes.length ? (eb) => eb.or([byCodes(eb), likePrefix]) : () => likePrefix,
  };
  if (codes.length) first.groups.push(byCodes);

  const whole = sql<SqlBool>`participants.name_folded % ${folded}`;
  const long = words.filter((w) => w.length >= 3);
  if (long.length < 2) return [first, { all: () => whole, groups: [() => whole], test: () => whole }];
  const alike = long.map((w) => sql<SqlBool>`participants.name_folded %>> ${w}`);
  const someWord = words.join(' | ');
  const likeSomeWord = sql<SqlBool>`(${sql.join(
    words.map((w) => sql`${spaced} LIKE ${`% ${w} %`}`),
    sql` OR `,
  )})`;
  return [
    first,
    {
      all: (eb) => eb.or([eb.and(alike), wordsMatch(someWord), whole]),
      groups: [(eb) => eb.and(alike), () => wordsMatch(someWord), () => whole],
      test: (eb) => eb.or([eb.and(alike), likeSomeWord, whole]),
    },
  ];
}

/** listColumns for raw SQL. */
const listSelection = sql.join(
  listColumns.map((column) => {
    const [ref, alias] = column.split(' as ');
    return alias ? sql`${sql.ref(ref!)} AS ${sql.id(alias)}` : sql.ref(ref!);
  }),
);
const listJoins = sql`JOIN organisations office ON office.id = participants.office_id
  LEFT JOIN cities ON cities.id = participants.case_city_id
  LEFT JOIN users case_manager ON case_manager.id = participants.case_manager_id`;

/**
 * A page of a name search and its total, counted as the plain list counts (exactly up to
 * COUNT_CAP). Sorted by relevance, each group of a stage in turn gives up to COUNT_CAP + 1
 * people through the name indexes, ordered by trigram similarity to the query, ties by name:
 * a group of up to COUNT_CAP people completely, a larger one by those first found (and the
 * later groups are not read; the list offers no page beyond COUNT_CAP, decision 0014).
 * Sorted by a column, see columnSorted.
 */
async function searchByName(
  tx: Tx,
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
  for (const stage of nameStages(name)) {
    let found: { rows: ListRow[]; total: number };
    if (!page) {
      // The export: every hit.
      const hits = await sortedHits(tx, scope, stage, score, Infinity);
      found = { rows: await listRows(tx, hits.ids), total: hits.total };
    } else if (query.sort !== 'relevance') {
      const wanted = page.offset + page.limit;
      const hits = await columnSorted(tx, scope, stage, query.sort, query.order, officeIds.length === 1, wanted);
      found = { rows: await listRows(tx, hits.ids.slice(page.offset, wanted)), total: hits.total };
    } else {
      found = await rankedPage(tx, scope, stage, score, page);
      // Past the last page no row carries the total: ask for the first.
      if (!found.rows.length && page.offset > 0) {
        found = { rows: [], total: (await rankedPage(tx, scope, stage, score, { limit: 1, offset: 0 })).total };
      }
    }
    if (found.total > 0) {
      return {
        rows: found.rows,
        total: page ? Math.min(found.total, COUNT_CAP) : found.total,
        totalCapped: !!page && found.total > COUNT_CAP,
      };
    }
  }
  return { rows: [], total: 0, totalCapped: false };
}

/**
 * One statement: the groups of a stage (each a CTE of at most COUNT_CAP + 1; a group is read
 * only while the earlier ones are complete, and leaves out their people), the page in order
 * of group and similarity, with the list columns, and the number of hits.
 */
async function rankedPage(
  tx: Tx,
  scope: Condition,
  stage: Stage,
  score: RawBuilder<number>,
  page: { limit: number; offset: number },
): Promise<{ rows: ListRow[]; total: number }> {
  const eb = expressionBuilder<DB, 'participants'>();
  const name = (i: number) => sql.id(`group${i}`);
  const groups = stage.groups.map((group, i) => {
    const earlier = stage.groups.slice(0, i).map((_, j) => name(j));
    const after = earlier.flatMap((g) => [
      sql`(SELECT count(*) FROM ${g}) <= ${COUNT_CAP}`,
      sql`NOT EXISTS (SELECT 1 FROM ${g} WHERE ${g}.id = participants.id)`,
    ]);
    return sql`${name(i)} AS MATERIALIZED (
      SELECT participants.id, participants.family_name, participants.given_names, ${score} AS score, ${sql.lit(i)} AS grp
      FROM participants
      WHERE ${sql.join([scope(eb), group(eb), ...after], sql` AND `)}
      LIMIT ${COUNT_CAP + 1})`;
  });
  const { rows } = await sql<ListRow & { total: string }>`
    WITH ${sql.join(groups)},
      hits AS (${sql.join(
        stage.groups.map((_, i) => sql`SELECT * FROM ${name(i)}`),
        sql` UNION ALL `,
      )}),
      page AS (SELECT * FROM hits ORDER BY grp, score DESC, family_name, given_names, id LIMIT ${page.limit} OFFSET ${page.offset})
    SELECT ${listSelection}, (SELECT count(*) FROM hits) AS total
    FROM page JOIN participants ON participants.id = page.id ${listJoins}
    ORDER BY page.grp, page.score DESC, page.family_name, page.given_names, page.id`.execute(tx);
  return { rows: rows.map(({ total: _, ...row }) => row), total: rows.length ? Number(rows[0]!.total) : 0 };
}

/** The list indexes (migration 0004) that give the list's order for a sort, one office at a time. */
const walkable = new Set(['familyName asc', 'caseStatus asc', 'entryDate desc', 'residenceValidUntil asc']);

/**
 * A page of hits sorted by a column. Up to COUNT_CAP + 1 hits come through the name indexes:
 * that many or fewer are counted and sorted. More are counted as more than COUNT_CAP, and the
 * page is read from the list index of that order, testing each row's name, for at most a
 * few thousand rows: a family name's hits sit together there, far down the list perhaps.
 * Failing that (or without such an index), every hit is read and sorted.
 */
async function columnSorted(
  tx: Tx,
  scope: Condition,
  stage: Stage,
  sort: Exclude<ListQuery['sort'], 'relevance'>,
  order: 'asc' | 'desc',
  oneOffice: boolean,
  wanted: number,
): Promise<{ ids: string[]; total: number }> {
  const column = sortColumn[sort];
  const direction = order === 'asc' ? sql`ASC NULLS LAST` : sql`DESC NULLS LAST`;
  const found = await tx
    .selectFrom(
      tx
        .selectFrom('participants')
        .select(['participants.id', 'participants.family_name', sql.ref(column).as('sort_key')])
        .where(scope)
        .where(stage.all)
        .limit(COUNT_CAP + 1)
        .as('hits'),
    )
    .select(['hits.id', sql<string>`count(*) over ()`.as('n')])
    .orderBy(sql`hits.sort_key ${direction}`)
    .orderBy('hits.family_name')
    .orderBy('hits.id')
    .limit(Math.max(wanted, 1))
    .execute();
  const n = found.length ? Number(found[0]!.n) : 0;
  if (n <= COUNT_CAP) return { ids: found.slice(0, wanted).map((r) => r.id), total: n };
  const budget = Math.max(2000, 40 * wanted);
  if (oneOffice && walkable.has(`${sort} ${order}`) && budget <= 5000) {
    await bitmapScansOnly(tx, false);
    const walked = await tx
      .selectFrom(
        tx
          .selectFrom('participants')
          .select((eb) => ['participants.id', sql<boolean>`${stage.test(eb)}`.as('hit')])
          .where(scope)
          .orderBy(sql`${sql.ref(column)} ${direction}`)
          .orderBy('participants.family_name')
          .orderBy('participants.id')
          .limit(budget)
          .as('walk'),
      )
      .select('walk.id')
      .where('walk.hit', '=', true)
      .limit(wanted)
      .execute();
    await bitmapScansOnly(tx, true);
    if (walked.length === wanted) return { ids: walked.map((r) => r.id), total: n };
  }
  return { ids: (await sortedHits(tx, scope, stage, { column, asc: order === 'asc' }, wanted)).ids, total: n };
}

/**
 * All hits of a stage, read through the name indexes, and sorted: by a column, or by group
 * and similarity (the export). The first `limit`, and how many there are.
 */
async function sortedHits(
  tx: Tx,
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
  let rows = tx
    .selectFrom(
      tx
        .selectFrom('participants')
        .select(['participants.id', 'participants.family_name', 'participants.given_names', ...keys])
        .where(scope)
        .where(stage.all)
        .as('hits'),
    )
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

/** The list rows of the given people (found within the actor's scope), in the given order. */
async function listRows(tx: Tx, ids: string[]): Promise<ListRow[]> {
  if (!ids.length) return [];
  const { rows } = await sql<ListRow>`
    SELECT ${listSelection} FROM participants ${listJoins} WHERE participants.id = ANY(${ids}::uuid[])`.execute(tx);
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
