import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

// The programme dashboard's counts in one statement: each CTE says what it counts. The rules
// are written down in docs/decisions/0018-programme-reporting.md.

export type CountRow = { dimension: string; key: string | null; n: string | null };

export interface CountFilters {
  networkId: string;
  from: string;
  to: string;
  cityId: string | null;
  officeId: string | null;
  partnerId: string | null;
  fundingPeriodId: string | null;
}

/** Placed, as the placement that closes a case as placed counts it: first labour market, not a mini-job. */
const PLACED = sql`pl.first_labour_market AND pl.kind <> 'marginal_employment'`;

export async function countProgramme(db: Db, f: CountFilters): Promise<CountRow[]> {
  return (await programmeStatement(f).execute(db)).rows;
}

/** The statement itself, for countProgramme and for reading its plan (EXPLAIN). */
export function programmeStatement(f: CountFilters) {
  const { networkId: net, from, to } = f;
  return sql<CountRow>`
    WITH
    -- open_cases: every case of a real person (not a merged-away duplicate) open on some day of
    -- the period (entered by its end, not left before its start), in the chosen funding period;
    -- with the person's first entry inside the period, if any.
    open_cases AS (
      SELECT c.id AS case_id, c.participant_id, c.entry_date, c.city_id, c.office_id, c.created_at,
        p.gender, p.german_level, p.residence_title, p.birth_date,
        min(c.entry_date) FILTER (WHERE c.entry_date >= ${from}::date) OVER (PARTITION BY c.participant_id) AS first_entry
      FROM cases c
      JOIN participants p ON p.id = c.participant_id AND p.network_id = ${net}
      WHERE c.network_id = ${net} AND p.merged_into IS NULL
        AND c.entry_date <= ${to}::date AND (c.exit_date IS NULL OR c.exit_date >= ${from}::date)
        AND (${f.fundingPeriodId}::uuid IS NULL OR c.funding_period_id = ${f.fundingPeriodId}::uuid)
    ),
    -- counted: one row per person; their latest case open in the period gives city, office and age,
    -- so that the cities split the network's people exactly.
    counted AS (
      SELECT DISTINCT ON (participant_id) *
      FROM open_cases
      ORDER BY participant_id, entry_date DESC, created_at DESC, case_id DESC
    ),
    -- people: the counted people the filters keep (city and office of the counted case; a partner
    -- keeps those referred to it by the period's end), with what they are counted by.
    people AS (
      SELECT c.participant_id, c.entry_date, c.first_entry, c.city_id, c.office_id,
        c.gender, c.german_level, c.residence_title,
        date_part('year', age(c.entry_date, c.birth_date))::int AS age_at_entry
      FROM counted c
      WHERE (${f.cityId}::uuid IS NULL OR c.city_id = ${f.cityId}::uuid)
        AND (${f.officeId}::uuid IS NULL OR c.office_id = ${f.officeId}::uuid)
        AND (${f.partnerId}::uuid IS NULL OR EXISTS (
          SELECT 1 FROM referrals r
          WHERE r.network_id = ${net} AND r.participant_id = c.participant_id
            AND r.partner_organisation_id = ${f.partnerId}::uuid AND r.sent_at::date <= ${to}::date))
    ),
    -- period_placements: the people's placements starting in the period, of any kind.
    period_placements AS (
      SELECT pl.id, pl.participant_id, pl.case_id, pl.kind, pl.first_labour_market, pl.starts_on
      FROM placements pl
      JOIN people pe ON pe.participant_id = pl.participant_id
      WHERE pl.network_id = ${net} AND pl.starts_on BETWEEN ${from}::date AND ${to}::date
    ),
    -- placed: each placed person once, by their first placement in the period, with the days from
    -- the entry of the case it belongs to.
    placed AS (
      SELECT DISTINCT ON (pl.participant_id) pl.participant_id, pl.starts_on - c.entry_date AS days
      FROM period_placements pl
      JOIN cases c ON c.id = pl.case_id AND c.network_id = ${net}
      WHERE ${PLACED}
      ORDER BY pl.participant_id, pl.starts_on, pl.id
    ),
    -- stages: which stage of the cycle each person had reached by the period's end.
    stages AS (
      SELECT
        -- (through the person's cases: intakes are indexed by case)
        EXISTS (SELECT 1 FROM cases ic JOIN intakes i ON i.case_id = ic.id AND i.network_id = ${net}
          WHERE ic.participant_id = pe.participant_id AND COALESCE(i.conducted_on, i.created_at::date) <= ${to}::date) AS intake,
        EXISTS (SELECT 1 FROM plan_versions v WHERE v.network_id = ${net} AND v.participant_id = pe.participant_id
          AND v.finalised_at::date <= ${to}::date) AS plan,
        EXISTS (SELECT 1 FROM referrals r WHERE r.network_id = ${net} AND r.participant_id = pe.participant_id
          AND r.sent_at::date <= ${to}::date) AS referral,
        EXISTS (SELECT 1 FROM proposals pr WHERE pr.network_id = ${net} AND pr.participant_id = pe.participant_id
          AND pr.created_at::date <= ${to}::date) AS proposal,
        EXISTS (SELECT 1 FROM placements pl WHERE pl.network_id = ${net} AND pl.participant_id = pe.participant_id
          AND ${PLACED} AND pl.starts_on <= ${to}::date) AS placement
      FROM people pe
    )
    SELECT 'total' AS dimension, 'participants' AS key, count(*)::numeric AS n FROM people
    UNION ALL SELECT 'total', 'entrants', count(*) FILTER (WHERE first_entry IS NOT NULL) FROM people
    UNION ALL SELECT 'month', to_char(first_entry, 'YYYY-MM'), count(*) FROM people WHERE first_entry IS NOT NULL GROUP BY 2
    UNION ALL SELECT 'gender', gender, count(*) FROM people GROUP BY 2
    UNION ALL SELECT 'age',
      CASE
        WHEN age_at_entry IS NULL THEN 'unknown'
        WHEN age_at_entry < 18 THEN 'under_18'
        WHEN age_at_entry < 25 THEN '18_24'
        WHEN age_at_entry < 30 THEN '25_29'
        WHEN age_at_entry < 55 THEN '30_54'
        ELSE '55_plus'
      END, count(*) FROM people GROUP BY 2
    UNION ALL SELECT 'residence', COALESCE(residence_title, 'unknown'), count(*) FROM people GROUP BY 2
    UNION ALL SELECT 'german', COALESCE(german_level, 'unknown'), count(*) FROM people GROUP BY 2
    UNION ALL SELECT 'city', ci.name, count(*) FROM people pe JOIN cities ci ON ci.id = pe.city_id GROUP BY 2
    UNION ALL SELECT 'office', o.name, count(*) FROM people pe JOIN organisations o ON o.id = pe.office_id GROUP BY 2
    UNION ALL SELECT 'partner', o.name, sum(x.n)
      FROM (
        -- counted per partner first, then named: joining the names row by row was the slow part
        SELECT r.partner_organisation_id, count(DISTINCT r.participant_id) AS n
        FROM referrals r
        JOIN people pe ON pe.participant_id = r.participant_id
        WHERE r.network_id = ${net} AND r.sent_at::date <= ${to}::date
        GROUP BY 1
      ) x
      JOIN organisations o ON o.id = x.partner_organisation_id AND o.network_id = ${net}
      GROUP BY 2
    UNION ALL SELECT 'placement_kind', CASE WHEN first_labour_market THEN kind ELSE 'other_labour_market' END, count(*)
      FROM period_placements GROUP BY 2
    UNION ALL SELECT 'total', 'placed', count(*) FROM placed
    UNION ALL SELECT 'placed_city', ci.name, count(*)
      FROM placed pd JOIN people pe ON pe.participant_id = pd.participant_id JOIN cities ci ON ci.id = pe.city_id GROUP BY 2
    UNION ALL SELECT 'median', 'days', percentile_cont(0.5) WITHIN GROUP (ORDER BY days)::numeric FROM placed
    UNION ALL SELECT 'funnel', 'intake', count(*) FILTER (WHERE intake) FROM stages
    UNION ALL SELECT 'funnel', 'plan', count(*) FILTER (WHERE plan) FROM stages
    UNION ALL SELECT 'funnel', 'referral', count(*) FILTER (WHERE referral) FROM stages
    UNION ALL SELECT 'funnel', 'proposal', count(*) FILTER (WHERE proposal) FROM stages
    UNION ALL SELECT 'funnel', 'placement', count(*) FILTER (WHERE placement) FROM stages
    -- support: people in a mentorship running on some day of the period; people taking part in an
    -- offer in the period (enrolled by its end, not ended or completed before its start); people
    -- who completed one in the period, and of them those with a certificate.
    UNION ALL SELECT 'support', 'mentorship', count(*) FROM people pe WHERE EXISTS (
      SELECT 1 FROM mentorships m WHERE m.network_id = ${net} AND m.participant_id = pe.participant_id
        AND m.starts_on <= ${to}::date AND (m.ends_on IS NULL OR m.ends_on >= ${from}::date))
    UNION ALL SELECT 'support', 'offer', count(*) FROM people pe WHERE EXISTS (
      SELECT 1 FROM offer_enrolments e WHERE e.network_id = ${net} AND e.participant_id = pe.participant_id
        AND e.enrolled_at IS NOT NULL AND e.enrolled_at::date <= ${to}::date
        AND COALESCE(e.completed_on, e.ended_on, ${to}::date) >= ${from}::date)
    UNION ALL SELECT 'support', 'offer_completed', count(*) FROM people pe WHERE EXISTS (
      SELECT 1 FROM offer_enrolments e WHERE e.network_id = ${net} AND e.participant_id = pe.participant_id
        AND e.state = 'completed' AND e.completed_on BETWEEN ${from}::date AND ${to}::date)
    UNION ALL SELECT 'support', 'offer_certificate', count(*) FROM people pe WHERE EXISTS (
      SELECT 1 FROM offer_enrolments e WHERE e.network_id = ${net} AND e.participant_id = pe.participant_id
        AND e.state = 'completed' AND e.certificate AND e.completed_on BETWEEN ${from}::date AND ${to}::date)
  `;
}
