import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { NotFound } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { requireMay } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { EsfFigure, EsfReport, EsfReportQuery } from './esf.schemas.ts';
import { DEFAULT_THRESHOLD, suppress, suppressTotal } from './suppression.ts';

// The ESF+ participant indicators (Regulation (EU) 2021/1057, Annex I) for a period:
// one statement counts, this file suppresses and names the figures. Each rule, its
// CTE and its suppression are written down in docs/indicators/esf-plus.md.

type Row = { dimension: string; key: string | null; n: string };

/** Annex I's characteristics as the intake's esf section holds them, with their common codes. */
const CHARACTERISTICS = [
  ['disability', 'EECO12'],
  ['foreignBackground', 'EECO14'],
  ['minority', 'EECO15'],
  ['homelessOrHousingExclusion', 'EECO16'],
  ['ruralArea', 'EECO17'],
] as const;
const ANSWERS = ['yes', 'no', 'no_answer', 'not_recorded'] as const;

function countRows(ctx: ServiceContext, q: EsfReportQuery) {
  const net = ctx.networkId;
  const city = q.cityId ?? null;
  const period = q.fundingPeriodId ?? null;
  const esf = (field: string) => sql`COALESCE(esf ->> ${field}, 'not_recorded')`;
  return sql<Row>`
    WITH
    -- entries: every case of a real person (not a merged-away duplicate) that entered in the
    -- period, in the chosen city and funding period.
    entries AS (
      SELECT c.id AS case_id, c.participant_id, c.entry_date, c.created_at
      FROM cases c
      JOIN participants p ON p.id = c.participant_id AND p.network_id = ${net}
      WHERE c.network_id = ${net} AND p.merged_into IS NULL
        AND c.entry_date BETWEEN ${q.from}::date AND ${q.to}::date
        AND (${city}::uuid IS NULL OR c.city_id = ${city}::uuid)
        AND (${period}::uuid IS NULL OR c.funding_period_id = ${period}::uuid)
    ),
    -- entrants: one row per person, their first entry in the period, with their age on that
    -- day and what the intake of that case recorded.
    entrants AS (
      SELECT DISTINCT ON (e.participant_id)
        e.entry_date, p.gender,
        date_part('year', age(e.entry_date, p.birth_date))::int AS age_at_entry,
        i.sections -> 'labourMarket' AS lm, i.sections -> 'education' AS edu, i.sections -> 'esf' AS esf
      FROM entries e
      JOIN participants p ON p.id = e.participant_id AND p.network_id = ${net}
      LEFT JOIN intakes i ON i.case_id = e.case_id AND i.network_id = ${net}
      ORDER BY e.participant_id, e.entry_date, e.created_at, e.case_id
    ),
    -- entrant_facts: each entrant classified: labour-market group (long-term unemployed as
    -- recorded, or unemployed for more than 12 months, 6 under 25), fine age band, ISCED band.
    entrant_facts AS (
      SELECT gender, esf,
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
        END AS isced_band
      FROM entrants
    ),
    -- leaves: every case of a real person that was left in the period, same filters.
    leaves AS (
      SELECT c.id AS case_id, c.participant_id, c.entry_date, c.exit_date, c.exit_reason, c.created_at
      FROM cases c
      JOIN participants p ON p.id = c.participant_id AND p.network_id = ${net}
      WHERE c.network_id = ${net} AND p.merged_into IS NULL
        AND c.exit_date BETWEEN ${q.from}::date AND ${q.to}::date
        AND (${city}::uuid IS NULL OR c.city_id = ${city}::uuid)
        AND (${period}::uuid IS NULL OR c.funding_period_id = ${period}::uuid)
    ),
    -- leavers: one row per person, their last exit in the period.
    leavers AS (
      SELECT DISTINCT ON (participant_id) *
      FROM leaves
      ORDER BY participant_id, exit_date DESC, created_at DESC, case_id DESC
    ),
    -- work_after_leaving: first-labour-market placements that count as "in employment upon
    -- leaving": of the left case (or starting after the exit), starting no later than four
    -- weeks after the exit, and not found ended (a follow-up "not employed") by the exit.
    work_after_leaving AS (
      SELECT l.participant_id, pl.id AS placement_id
      FROM leavers l
      JOIN placements pl ON pl.participant_id = l.participant_id AND pl.network_id = ${net}
      WHERE pl.first_labour_market
        AND pl.starts_on <= l.exit_date + 28
        AND (pl.case_id = l.case_id OR pl.starts_on >= l.exit_date)
        AND NOT EXISTS (
          SELECT 1 FROM placement_follow_ups f
          WHERE f.placement_id = pl.id AND f.network_id = ${net}
            AND f.still_employed = false AND f.checked_on <= l.exit_date)
    ),
    -- leaver_results: each leaver's results: in education or training (the exit reason), in
    -- employment (a placement above), in employment six months on (its month_6 follow-up).
    leaver_results AS (
      SELECT
        l.exit_reason = 'education_or_training' AS in_education,
        EXISTS (SELECT 1 FROM work_after_leaving w WHERE w.participant_id = l.participant_id) AS in_employment,
        EXISTS (
          SELECT 1 FROM work_after_leaving w
          JOIN placement_follow_ups f ON f.placement_id = w.placement_id AND f.network_id = ${net}
          WHERE w.participant_id = l.participant_id AND f.kind = 'month_6' AND f.still_employed = true
        ) AS in_employment_six_months
      FROM leavers l
    )
    SELECT 'gender' AS dimension, gender AS key, count(*) AS n FROM entrant_facts GROUP BY gender
    UNION ALL SELECT 'labour_market', labour_market, count(*) FROM entrant_facts GROUP BY labour_market
    UNION ALL SELECT 'age', age_band, count(*) FROM entrant_facts GROUP BY age_band
    UNION ALL SELECT 'education', isced_band, count(*) FROM entrant_facts GROUP BY isced_band
    UNION ALL SELECT 'disability', ${esf('disability')}, count(*) FROM entrant_facts GROUP BY 2
    UNION ALL SELECT 'foreignBackground', ${esf('foreignBackground')}, count(*) FROM entrant_facts GROUP BY 2
    UNION ALL SELECT 'minority', ${esf('minority')}, count(*) FROM entrant_facts GROUP BY 2
    UNION ALL SELECT 'homelessOrHousingExclusion', ${esf('homelessOrHousingExclusion')}, count(*) FROM entrant_facts GROUP BY 2
    UNION ALL SELECT 'ruralArea', ${esf('ruralArea')}, count(*) FROM entrant_facts GROUP BY 2
    UNION ALL SELECT 'leavers', 'total', count(*) FROM leaver_results
    UNION ALL SELECT 'leavers', 'in_education', count(*) FILTER (WHERE in_education) FROM leaver_results
    UNION ALL SELECT 'leavers', 'in_employment', count(*) FILTER (WHERE in_employment) FROM leaver_results
    UNION ALL SELECT 'leavers', 'in_employment_six_months', count(*) FILTER (WHERE in_employment_six_months) FROM leaver_results
  `;
}

/**
 * The ESF+ indicators of the network (or one city) for a period. `threshold` is the
 * suppression threshold: the route always uses the default; tests pass a smaller one.
 */
export async function esfReport(db: Db, ctx: ServiceContext, q: EsfReportQuery, threshold = DEFAULT_THRESHOLD): Promise<EsfReport> {
  requireMay(ctx.actor, 'read', { type: 'report' });
  if (q.cityId) {
    const city = await db
      .selectFrom('cities')
      .select('id')
      .where('network_id', '=', ctx.networkId)
      .where('id', '=', q.cityId)
      .executeTakeFirst();
    if (!city) throw new NotFound('City');
  }
  if (q.fundingPeriodId) {
    const period = await db
      .selectFrom('funding_periods')
      .select('id')
      .where('network_id', '=', ctx.networkId)
      .where('id', '=', q.fundingPeriodId)
      .executeTakeFirst();
    if (!period) throw new NotFound('Funding period');
  }
  const { rows } = await countRows(ctx, q).execute(db);
  await db.transaction().execute((tx) =>
    recordAudit(tx, ctx, {
      action: 'report.read',
      entityType: 'report',
      details: { report: 'esf', from: q.from, to: q.to, cityId: q.cityId ?? null, fundingPeriodId: q.fundingPeriodId ?? null },
    }),
  );
  return {
    from: q.from,
    to: q.to,
    cityId: q.cityId ?? null,
    fundingPeriodId: q.fundingPeriodId ?? null,
    threshold,
    ...assemble(rows, threshold),
  };
}

/** Counts → suppressed figures with their indicator ids. Pure, so the rules read in one place. */
export function assemble(rows: Row[], threshold: number): Pick<EsfReport, 'entrants' | 'leavers'> {
  const n = (dimension: string, key: string) => Number(rows.find((r) => r.dimension === dimension && r.key === key)?.n ?? 0);
  const small = (count: number) => count > 0 && count < threshold;
  const shown = (cells: Record<string, number>) => new Map(suppress(cells, threshold).map((c) => [c.key, c.count]));
  const figure = (indicator: string, key: string, count: number | null): EsfFigure => ({ indicator, key, count });

  const total = ['female', 'male', 'non_binary', 'not_stated'].reduce((sum, g) => sum + n('gender', g), 0);
  const gender = shown({
    female: n('gender', 'female'),
    male: n('gender', 'male'),
    non_binary: n('gender', 'non_binary'),
    not_stated: n('gender', 'not_stated'),
  });

  const ltu = n('labour_market', 'long_term_unemployed');
  const unemployed = ltu + n('labour_market', 'unemployed_other');
  const lm = shown({
    unemployed,
    inactive: n('labour_market', 'inactive'),
    employed: n('labour_market', 'employed'),
    unknown: n('labour_market', 'unknown'),
  });
  // Long-term unemployed and the other unemployed split the unemployed: suppressed as a pair.
  const ltuShown = lm.get('unemployed') !== null && shown({ ltu, other: unemployed - ltu }).get('ltu') !== null;

  const [u18, a18to24, a25to29] = [n('age', 'under_18'), n('age', '18_24'), n('age', '25_29')];
  const age = shown({
    under_18: u18,
    '18_29': a18to24 + a25to29,
    '30_54': n('age', '30_54'),
    '55_plus': n('age', '55_plus'),
    unknown: n('age', 'unknown'),
  });
  // Under 25 cuts across the bands: beside 18–29 it would reveal 18–24 and 25–29.
  const under25 = u18 + a18to24;
  const under25Shown = ![under25, total - under25, a18to24, a25to29].some(small);

  const edu = shown({
    isced_0_2: n('education', 'isced_0_2'),
    isced_3_4: n('education', 'isced_3_4'),
    isced_5_8: n('education', 'isced_5_8'),
    unknown: n('education', 'unknown'),
  });

  const characteristics = CHARACTERISTICS.flatMap(([name, code]) => {
    const cells = shown(Object.fromEntries(ANSWERS.map((a) => [a, n(name, a)])));
    return ANSWERS.map((a) => figure(a === 'yes' ? code : `${name}.${a}`, `${name}.${a}`, cells.get(a) ?? null));
  });

  const leavers = n('leavers', 'total');
  const [inEducation, inEmployment, sixMonths] = [
    n('leavers', 'in_education'),
    n('leavers', 'in_employment'),
    n('leavers', 'in_employment_six_months'),
  ];
  // Each result beside the leavers' total would reveal those without it.
  const result = (count: number, hidden = false) => (hidden || small(count) || small(leavers - count) ? null : count);
  const inEmploymentShown = result(inEmployment);

  return {
    entrants: {
      total: figure('EECO01', 'total', suppressTotal(total, threshold)),
      gender: (['female', 'male', 'non_binary', 'not_stated'] as const).map((g) => figure(`gender.${g}`, g, gender.get(g) ?? null)),
      labourMarket: [
        figure('EECO02', 'unemployed', lm.get('unemployed') ?? null),
        figure('EECO03', 'long_term_unemployed', ltuShown ? ltu : null),
        figure('EECO04', 'inactive', lm.get('inactive') ?? null),
        figure('EECO05', 'employed', lm.get('employed') ?? null),
        figure('labour_market.unknown', 'unknown', lm.get('unknown') ?? null),
      ],
      age: [
        figure('EECO06', 'under_18', age.get('under_18') ?? null),
        figure('EECO07', '18_29', age.get('18_29') ?? null),
        figure('age.30_54', '30_54', age.get('30_54') ?? null),
        figure('EECO08', '55_plus', age.get('55_plus') ?? null),
        figure('age.unknown', 'unknown', age.get('unknown') ?? null),
        figure('age.under_25', 'under_25', under25Shown ? under25 : null),
      ],
      education: [
        figure('EECO09', 'isced_0_2', edu.get('isced_0_2') ?? null),
        figure('EECO10', 'isced_3_4', edu.get('isced_3_4') ?? null),
        figure('EECO11', 'isced_5_8', edu.get('isced_5_8') ?? null),
        figure('education.unknown', 'unknown', edu.get('unknown') ?? null),
      ],
      characteristics,
    },
    leavers: {
      total: figure('leavers.total', 'total', suppressTotal(leavers, threshold)),
      results: [
        figure('EECR02', 'in_education_or_training', result(inEducation)),
        figure('EECR04', 'in_employment', inEmploymentShown),
        // A subset of the above: hidden with it, and when it would reveal those who did not last.
        figure('EECR05', 'in_employment_six_months', result(sixMonths, inEmploymentShown === null || small(inEmployment - sixMonths))),
      ],
    },
  };
}
