import { sql } from 'kysely';
import type { Tx } from '../../db/database.ts';

// Set-based import: rows go into a temporary staging table, duplicates are found with
// one join each, and participants, cases and timeline rows are inserted with
// INSERT … SELECT. A 100,000-row file is a few dozen statements, not 100,000.

export interface StagedRow {
  row: number;
  givenNames: string;
  familyName: string;
  preferredName: string | null;
  birthDate: string | null;
  gender: string;
  nationality: string | null;
  germanLevel: string | null;
  phone: string | null;
  email: string | null;
  street: string | null;
  postcode: string | null;
  town: string | null;
  interpreterNeeded: boolean;
  entryDate: string | null;
}

const BATCH = 5000;

export async function createStaging(tx: Tx): Promise<void> {
  await sql`CREATE TEMPORARY TABLE import_rows (
    row_no int PRIMARY KEY, id uuid NOT NULL DEFAULT gen_random_uuid(), case_id uuid NOT NULL DEFAULT gen_random_uuid(),
    given_names text NOT NULL, family_name text NOT NULL, preferred_name text, birth_date date, gender text NOT NULL,
    nationality text, german_level text, phone text, email text, street text, postcode text, town text,
    interpreter_needed boolean NOT NULL, entry_date date, codes text[], folded text
  ) ON COMMIT DROP`.execute(tx);
}

export async function stageRows(tx: Tx, rows: StagedRow[], onBatch: (done: number) => void): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const col = <K extends keyof StagedRow>(key: K) => batch.map((r) => r[key]);
    // The name keys are computed as the rows go in: a later UPDATE would write every row twice.
    await sql`
      INSERT INTO import_rows (row_no, given_names, family_name, preferred_name, birth_date, gender, nationality, german_level,
        phone, email, street, postcode, town, interpreter_needed, entry_date, codes, folded)
      SELECT r.*, lotse_name_codes(n.full_name), lotse_fold_name(n.full_name)
      FROM unnest(${col('row')}::int[], ${col('givenNames')}::text[], ${col('familyName')}::text[], ${col('preferredName')}::text[],
        ${col('birthDate')}::date[], ${col('gender')}::text[], ${col('nationality')}::text[], ${col('germanLevel')}::text[], ${col('phone')}::text[],
        ${col('email')}::text[], ${col('street')}::text[], ${col('postcode')}::text[], ${col('town')}::text[], ${col('interpreterNeeded')}::boolean[],
        ${col('entryDate')}::date[])
        AS r(row_no, given_names, family_name, preferred_name, birth_date, gender, nationality, german_level,
          phone, email, street, postcode, town, interpreter_needed, entry_date),
      LATERAL (SELECT r.given_names || ' ' || r.family_name || ' ' || coalesce(r.preferred_name, '') AS full_name) n`.execute(tx);
    onBatch(Math.min(start + BATCH, rows.length));
  }
  await sql`ANALYZE import_rows`.execute(tx);
}

/** The duplicate rule of the form (same name parts, birth date the same or day/month swapped), set-based. */
const sameName = (a: string, b: string) =>
  sql.raw(`${a}.name_codes && ${b}.codes AND (${a}.name_codes <@ ${b}.codes OR ${b}.codes <@ ${a}.name_codes)
    AND least(cardinality(${a}.name_codes), cardinality(${b}.codes)) >= 2`);

export async function duplicatesInNetwork(tx: Tx, networkId: string) {
  const result = await sql<{ row_no: number; participant_id: string; office_id: string; office_name: string }>`
    SELECT r.row_no, p.id AS participant_id, p.office_id, o.name AS office_name
    FROM import_rows r
    JOIN participants p ON p.network_id = ${networkId} AND p.merged_into IS NULL AND ${sameName('p', 'r')}
      AND (p.birth_date = r.birth_date
        OR (extract(day FROM r.birth_date) <= 12 AND p.birth_date = make_date(extract(year FROM r.birth_date)::int, extract(day FROM r.birth_date)::int, extract(month FROM r.birth_date)::int))
        OR (r.birth_date IS NULL AND similarity(p.name_folded, r.folded) >= 0.6))
    JOIN organisations o ON o.id = p.office_id
    ORDER BY r.row_no`.execute(tx);
  return result.rows;
}

export async function duplicatesInFile(tx: Tx) {
  const result = await sql<{ row_no: number; first_row: number }>`
    SELECT later.row_no, min(earlier.row_no) AS first_row
    FROM import_rows later
    JOIN import_rows earlier ON earlier.row_no < later.row_no AND earlier.birth_date = later.birth_date
      AND earlier.codes && later.codes AND (earlier.codes <@ later.codes OR later.codes <@ earlier.codes)
      AND least(cardinality(earlier.codes), cardinality(later.codes)) >= 2
    GROUP BY later.row_no
    ORDER BY later.row_no`.execute(tx);
  return result.rows;
}

export interface CaseDefaults {
  networkId: string;
  officeId: string;
  cityId: string;
  status: string;
  caseManagerId: string;
  fundingPeriodId: string | null;
  actorUserId: string;
}

/** Inserts the staged rows not in `skipRows` as participants with an open case; returns their ids. */
export async function insertStaged(tx: Tx, d: CaseDefaults, skipRows: number[]): Promise<string[]> {
  await sql`DELETE FROM import_rows WHERE row_no = ANY(${skipRows}::int[])`.execute(tx);
  await sql`
    INSERT INTO participants (id, network_id, office_id, given_names, family_name, preferred_name, birth_date, gender, nationality,
      german_level, phone, email, street, postcode, town, interpreter_needed, created_by,
      current_case_id, case_status, case_entry_date, case_manager_id, case_city_id)
    SELECT id, ${d.networkId}, ${d.officeId}, given_names, family_name, preferred_name, birth_date, gender, nationality,
      german_level, phone, email, street, postcode, town, interpreter_needed, ${d.actorUserId},
      -- The list columns the trigger on cases would otherwise write in a second pass (decision 0010).
      case_id, ${d.status}, entry_date, ${d.caseManagerId}::uuid, ${d.cityId}::uuid
    FROM import_rows ORDER BY row_no`.execute(tx);
  await sql`
    INSERT INTO cases (id, network_id, participant_id, office_id, status, case_manager_id, city_id, funding_period_id, entry_date)
    SELECT case_id, ${d.networkId}, id, ${d.officeId}, ${d.status}, ${d.caseManagerId}, ${d.cityId}, ${d.fundingPeriodId}, entry_date
    FROM import_rows`.execute(tx);
  await sql`
    INSERT INTO case_events (network_id, participant_id, case_id, actor_user_id, kind, data)
    SELECT ${d.networkId}, id, case_id, ${d.actorUserId}, 'participant.imported', jsonb_build_object('row', row_no)
    FROM import_rows`.execute(tx);
  const ids = await sql<{ id: string }>`SELECT id FROM import_rows ORDER BY row_no`.execute(tx);
  return ids.rows.map((r) => r.id);
}
