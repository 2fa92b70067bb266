import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import { containsPattern } from '../../http/lists.ts';
import type { DuplicateCandidate, MergeListQuery } from './duplicates.schemas.ts';

export interface Probe {
  givenNames: string;
  familyName: string;
  preferredName?: string | null;
  birthDate?: string | null;
  excludeId?: string;
}

interface CandidateRow {
  id: string;
  office_id: string;
  office_name: string;
  given_names: string;
  family_name: string;
  birth_date: string | null;
  birth_date_match: DuplicateCandidate['birthDateMatch'];
  similarity: number;
}

/**
 * Likely duplicates of a person in the whole network. The rule: every phonetic part of
 * the shorter name occurs in the other (so Mohammed Al-Hassan = Hassan Muhammad, but
 * not Mahmoud Hassan), at least two parts, and birth dates that fit: the same, day and
 * month swapped, or 1 January of the same year (what authorities record when the day is
 * unknown). Without a birth date on either side the names must be very close.
 */
export async function findCandidates(db: Db | Tx, networkId: string, probe: Probe): Promise<CandidateRow[]> {
  const name = [probe.givenNames, probe.familyName, probe.preferredName ?? ''].join(' ');
  const result = await sql<CandidateRow>`
    WITH probe AS (
      SELECT lotse_name_codes(${name}) AS codes, lotse_fold_name(${name}) AS folded, ${probe.birthDate ?? null}::date AS birth
    ), candidates AS (
      SELECT p.*, similarity(p.name_folded, probe.folded) AS similarity,
        CASE
          WHEN p.birth_date = probe.birth THEN 'same'
          WHEN p.birth_date IS NULL OR probe.birth IS NULL THEN 'missing'
          WHEN extract(year FROM p.birth_date) <> extract(year FROM probe.birth) THEN NULL
          WHEN extract(month FROM p.birth_date) = extract(day FROM probe.birth)
           AND extract(day FROM p.birth_date) = extract(month FROM probe.birth) THEN 'day_month_swapped'
          WHEN to_char(p.birth_date, 'MM-DD') = '01-01' OR to_char(probe.birth, 'MM-DD') = '01-01' THEN 'first_of_january'
        END AS birth_date_match
      FROM participants p, probe
      WHERE p.network_id = ${networkId}
        AND p.merged_into IS NULL
        AND p.id <> ${probe.excludeId ?? '00000000-0000-0000-0000-000000000000'}
        AND p.name_codes && probe.codes
        AND (p.name_codes <@ probe.codes OR probe.codes <@ p.name_codes)
        AND least(cardinality(p.name_codes), cardinality(probe.codes)) >= 2
    )
    SELECT c.id, c.office_id, o.name AS office_name, c.given_names, c.family_name, c.birth_date,
      c.birth_date_match, round(c.similarity::numeric, 2)::float8 AS similarity
    FROM candidates c JOIN organisations o ON o.id = c.office_id
    WHERE c.birth_date_match IS NOT NULL AND (c.birth_date_match <> 'missing' OR c.similarity >= 0.6)
    ORDER BY (c.birth_date_match = 'same') DESC, c.similarity DESC
    LIMIT 20`.execute(db);
  return result.rows;
}

/**
 * Pairs in the given offices that look like one person (same or swapped birth date,
 * same name by the rule above), not yet dismissed. For the review list.
 */
export async function findPairs(db: Db, networkId: string, officeIds: string[], limit: number) {
  const result = await sql<{ a: string; b: string }>`
    SELECT p1.id AS a, p2.id AS b
    FROM participants p1
    JOIN participants p2 ON p2.network_id = p1.network_id AND p2.id > p1.id
      AND p2.birth_date IN (p1.birth_date,
        CASE WHEN extract(day FROM p1.birth_date) <= 12
          THEN make_date(extract(year FROM p1.birth_date)::int, extract(day FROM p1.birth_date)::int, extract(month FROM p1.birth_date)::int) END)
      AND p2.name_codes && p1.name_codes
      AND (p2.name_codes <@ p1.name_codes OR p1.name_codes <@ p2.name_codes)
      AND least(cardinality(p1.name_codes), cardinality(p2.name_codes)) >= 2
    WHERE p1.network_id = ${networkId} AND p1.merged_into IS NULL AND p2.merged_into IS NULL
      AND (p1.office_id = ANY(${officeIds}::uuid[]) OR p2.office_id = ANY(${officeIds}::uuid[]))
      AND NOT EXISTS (SELECT 1 FROM duplicate_dismissals d WHERE d.participant_a = p1.id AND d.participant_b = p2.id)
    ORDER BY p1.family_name, p1.id
    LIMIT ${limit}`.execute(db);
  return result.rows;
}

const mergeSortColumn = { mergedAt: 'participant_merges.merged_at', keptFamilyName: 'kept.family_name' } as const;

/** The network's merges with both people's current names and the merging user's name, one page. */
export async function listMerges(db: Db, networkId: string, query: MergeListQuery) {
  let base = db
    .selectFrom('participant_merges')
    .innerJoin('participants as kept', 'kept.id', 'participant_merges.kept_id')
    .innerJoin('participants as merged', 'merged.id', 'participant_merges.merged_id')
    .leftJoin('users as merger', 'merger.id', 'participant_merges.merged_by')
    .where('participant_merges.network_id', '=', networkId);
  if (query.q) {
    const pattern = containsPattern(query.q);
    base = base.where((eb) =>
      eb.or(
        (['kept.given_names', 'kept.family_name', 'merged.given_names', 'merged.family_name'] as const).map((column) =>
          eb(column, 'ilike', pattern),
        ),
      ),
    );
  }
  const [rows, count] = await Promise.all([
    base
      .select([
        'participant_merges.id',
        'participant_merges.kept_id',
        'participant_merges.merged_id',
        'participant_merges.merged_at',
        'participant_merges.undone_at',
        'kept.given_names as kept_given_names',
        'kept.family_name as kept_family_name',
        'merged.given_names as merged_given_names',
        'merged.family_name as merged_family_name',
        'merger.display_name as merged_by_name',
      ])
      .orderBy(mergeSortColumn[query.sort], query.order)
      .orderBy('participant_merges.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
