import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { EsfReportQuery } from './esf.schemas.ts';

// The SQL of the ESF+ indicators: one statement that counts every figure by gender. Each
// CTE is one step of a rule in docs/indicators/esf-plus.md, under the same name.

export type EsfCountRow = { dimension: string; key: string; gender: string; n: string | number };

/** The Union's member states (ISO 3166-1 alpha-2, with the EU's own EL, and alpha-3): their citizens are not third-country nationals. */
export const EU_NATIONALITIES = [
  ...'AT BE BG HR CY CZ DK EE FI FR DE GR EL HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(' '),
  ...'AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL PRT ROU SVK SVN ESP SWE'.split(' '),
];

/** The intake's ESF answers that count as characteristics (Annex I point 1.2). */
export const ESF_ANSWERED = ['disability', 'foreignBackground', 'minority', 'homelessOrHousingExclusion', 'ruralArea'] as const;

/** The counting statement (bench/esf.bench.ts explains it). */
export function esfCountQuery(networkId: string, q: EsfReportQuery) {
  const net = networkId;
  const city = q.cityId ?? null;
  const period = q.fundingPeriodId ?? null;
  const answer = (field: string) => sql`COALESCE(esf ->> ${field}, 'not_recorded')`;
  const eu = sql.join(EU_NATIONALITIES.map((code) => sql`${code}`));
  /** A case of the operation (the person's merged_into is checked on the joined participant). */
  const scope = (t: string) => {
    const c = sql.ref(t);
    return sql`${c}.network_id = ${net} AND ${c}.entry_date IS NOT NULL
      AND (${city}::uuid IS NULL OR ${c}.city_id = ${city}::uuid)
      AND (${period}::uuid IS NULL OR ${c}.funding_period_id = ${period}::uuid)`;
  };
  return sql<EsfCountRow>`
    WITH
    -- entrants: the operation is the cases with an entry date of real people (not a
    -- merged-away duplicate) in the chosen city and funding period. A person takes part once,
    -- however often they come back: their participation starts with their first entry (no
    -- earlier case of theirs in the operation; ties by creation), and that case's intake and
    -- their age on that day describe them. Entrants: those whose first entry lies in the period.
    entrants AS (
      SELECT c.entry_date, p.gender, upper(p.nationality) AS nationality,
        date_part('year', age(c.entry_date, p.birth_date))::int AS age_at_entry,
        i.sections -> 'labourMarket' AS lm, i.sections -> 'education' AS edu, i.sections -> 'esf' AS esf
      FROM cases c
      JOIN participants p ON p.id = c.participant_id AND p.network_id = ${net}
      LEFT JOIN intakes i ON i.case_id = c.id AND i.network_id = ${net}
      WHERE ${scope('c')} AND p.merged_into IS NULL AND c.entry_date BETWEEN ${q.from}::date AND ${q.to}::date
        AND NOT EXISTS (
          SELECT 1 FROM cases e
          WHERE e.participant_id = c.participant_id AND ${scope('e')}
            AND (e.entry_date, e.created_at, e.id) < (c.entry_date, c.created_at, c.id))
    ),
    -- entrant_facts: each entrant classified: labour-market group (long-term unemployed as
    -- recorded, or unemployed for more than 12 months, 6 under 25), fine age band, ISCED
    -- band, third-country national.
    entrant_facts AS (
      SELECT gender,
        ${answer('disability')} AS disability,
        ${answer('foreignBackground')} AS foreign_background,
        ${answer('minority')} AS minority,
        ${answer('homelessOrHousingExclusion')} AS homeless,
        ${answer('ruralArea')} AS rural,
        CASE
          WHEN lm ->> 'statusAtEntry' = 'long_term_unemployed'
            OR (lm ->> 'statusAtEntry' = 'unemployed' AND (lm ->> 'unemployedSince')::date
                < entry_date - CASE WHEN age_at_entry < 25 THEN interval '6 months' ELSE interval '12 months' END)
            THEN 'long_term_unemployed'
          WHEN lm ->> 'statusAtEntry' = 'unemployed' THEN 'unemployed_other'
          WHEN lm ->> 'statusAtEntry' IN ('inactive', 'in_education') THEN 'inactive'
          WHEN lm ->> 'statusAtEntry' IN ('employed', 'self_employed') THEN 'employed'
          ELSE 'unknown'
        END AS labour_market,
        CASE
          WHEN age_at_entry IS NULL THEN 'unknown'
          WHEN age_at_entry < 18 THEN 'under_18'
          WHEN age_at_entry < 25 THEN '18_24'
          WHEN age_at_entry < 30 THEN '25_29'
          WHEN age_at_entry < 55 THEN '30_54'
          ELSE '55_plus'
        END AS age_band,
        CASE
          WHEN (edu ->> 'iscedLevel')::int <= 2 THEN 'isced_0_2'
          WHEN (edu ->> 'iscedLevel')::int <= 4 THEN 'isced_3_4'
          WHEN (edu ->> 'iscedLevel')::int <= 8 THEN 'isced_5_8'
          ELSE 'unknown'
        END AS isced_band,
        CASE
          WHEN nationality IS NULL OR nationality IN ('', 'XXX') THEN 'not_recorded'
          WHEN nationality IN (${eu}) THEN 'no'
          ELSE 'yes'
        END AS third_country
      FROM entrants
    ),
    -- entrant_groups: the entrants counted per combination of their classes first; the grouping
    -- sets below then add up a few hundred rows instead of sorting every entrant for each set
    -- (at 50,000 entrants: most of the statement's time).
    entrant_groups AS (
      SELECT gender, labour_market, age_band, isced_band, third_country, disability, foreign_background, minority, homeless, rural,
        count(*) AS n
      FROM entrant_facts
      GROUP BY gender, labour_market, age_band, isced_band, third_country, disability, foreign_background, minority, homeless, rural
    ),
    -- leavers: the participation ends with the exit of the person's latest case (none while
    -- they are back in support): the final exit, whose results count. Leavers: those whose
    -- latest case (no later one in the operation) was left in the period.
    leavers AS (
      SELECT c.id AS case_id, c.participant_id, c.exit_date, c.exit_reason, p.gender
      FROM cases c
      JOIN participants p ON p.id = c.participant_id AND p.network_id = ${net}
      WHERE ${scope('c')} AND p.merged_into IS NULL AND c.exit_date BETWEEN ${q.from}::date AND ${q.to}::date
        AND NOT EXISTS (
          SELECT 1 FROM cases e
          WHERE e.participant_id = c.participant_id AND ${scope('e')}
            AND (e.entry_date, e.created_at, e.id) > (c.entry_date, c.created_at, c.id))
    ),
    -- leaver_work: from the leavers' first-labour-market placements, those that count as "in
    -- employment upon leaving": of the left case (or starting after the exit), starting no later
    -- than four weeks after the exit, and not found ended (a follow-up "not employed") by the
    -- exit; and whether one was still running at its month_6 follow-up. One join for all
    -- leavers (a look-up per leaver cost more at 30,000 leavers).
    leaver_work AS (
      SELECT l.case_id, bool_or(f6.still_employed IS TRUE) AS six_months
      FROM leavers l
      JOIN placements pl ON pl.participant_id = l.participant_id AND pl.network_id = ${net}
        AND pl.first_labour_market
        AND pl.starts_on <= l.exit_date + 28
        AND (pl.case_id = l.case_id OR pl.starts_on >= l.exit_date)
      LEFT JOIN placement_follow_ups f6 ON f6.placement_id = pl.id AND f6.network_id = ${net} AND f6.kind = 'month_6'
      WHERE NOT EXISTS (
        SELECT 1 FROM placement_follow_ups f
        WHERE f.placement_id = pl.id AND f.network_id = ${net}
          AND f.still_employed = false AND f.checked_on <= l.exit_date)
      GROUP BY l.case_id
    ),
    -- leaver_results: each leaver's results: the situation on leaving as recorded, in
    -- education or training (also by the exit reason), and work after leaving as above.
    leaver_results AS (
      SELECT l.gender,
        COALESCE(s.job_searching, false) AS job_searching,
        l.exit_reason = 'education_or_training' OR COALESCE(s.in_education_or_training, false) AS in_education,
        COALESCE(s.qualification_gained, false) AS qualification,
        w.case_id IS NOT NULL AS in_employment,
        COALESCE(w.six_months, false) AS in_employment_six_months
      FROM leavers l
      LEFT JOIN leaving_situations s ON s.case_id = l.case_id AND s.network_id = ${net}
      LEFT JOIN leaver_work w ON w.case_id = l.case_id
    )
    -- The counts: each entrant class by gender, in one pass (grouping sets; GROUPING() names
    -- the set, and the one non-null column of a set is its key) ...
    SELECT
      CASE
        WHEN GROUPING(labour_market) = 0 THEN 'labour_market'
        WHEN GROUPING(age_band) = 0 THEN 'age'
        WHEN GROUPING(isced_band) = 0 THEN 'education'
        WHEN GROUPING(third_country) = 0 THEN 'thirdCountryNational'
        WHEN GROUPING(disability) = 0 THEN 'disability'
        WHEN GROUPING(foreign_background) = 0 THEN 'foreignBackground'
        WHEN GROUPING(minority) = 0 THEN 'minority'
        WHEN GROUPING(homeless) = 0 THEN 'homelessOrHousingExclusion'
        WHEN GROUPING(rural) = 0 THEN 'ruralArea'
        ELSE 'entrants'
      END AS dimension,
      COALESCE(labour_market, age_band, isced_band, third_country, disability, foreign_background, minority, homeless, rural, 'total') AS key,
      gender, sum(n) AS n
    FROM entrant_groups
    GROUP BY GROUPING SETS (
      (gender), (gender, labour_market), (gender, age_band), (gender, isced_band), (gender, third_country),
      (gender, disability), (gender, foreign_background), (gender, minority), (gender, homeless), (gender, rural)
    )
    UNION ALL
    -- ... and each leaver result by gender: counted per gender, then one row per result.
    SELECT d.dimension, d.key, r.gender, d.n
    FROM (
      SELECT gender, count(*) AS total,
        count(*) FILTER (WHERE job_searching) AS job_searching,
        count(*) FILTER (WHERE in_education) AS in_education,
        count(*) FILTER (WHERE qualification) AS qualification,
        count(*) FILTER (WHERE in_employment) AS in_employment,
        count(*) FILTER (WHERE in_employment_six_months) AS six_months
      FROM leaver_results GROUP BY gender
    ) r
    CROSS JOIN LATERAL (VALUES
      ('leavers', 'total', r.total),
      ('result', 'job_searching', r.job_searching),
      ('result', 'in_education_or_training', r.in_education),
      ('result', 'qualification_gained', r.qualification),
      ('result', 'in_employment', r.in_employment),
      ('result', 'in_employment_six_months', r.six_months)
    ) AS d (dimension, key, n)
  `;
}

export async function countEsf(db: Db, networkId: string, q: EsfReportQuery): Promise<EsfCountRow[]> {
  // Without JIT: the lateral look-up per leaver makes the estimated cost high enough for
  // PostgreSQL to compile the statement, which took longer (~0.5 s) than running it.
  return db.transaction().execute(async (tx) => {
    await sql`SELECT set_config('jit', 'off', true)`.execute(tx);
    return (await esfCountQuery(networkId, q).execute(tx)).rows;
  });
}
