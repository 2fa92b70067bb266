import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ServiceContext } from '../../http/context.ts';
import { requireMay } from '../access/policy.ts';
import type { OverviewReport } from './reports.schemas.ts';
import { DEFAULT_THRESHOLD, suppress, suppressTotal } from './suppression.ts';

/** Participants of the network by city, case status and gender: counts only. */
export async function overview(db: Db, ctx: ServiceContext): Promise<OverviewReport> {
  requireMay(ctx.actor, 'read', { type: 'report' });
  // One row per person with their current case (the list columns, decision 0010); a
  // merged-away duplicate is not a person of its own. Then three groupings of it.
  const rows = await sql<{ dimension: string; key: string | null; n: string }>`
    WITH people AS (
      SELECT p.gender, p.case_status AS status, ci.name AS city
      FROM participants p
      LEFT JOIN cities ci ON ci.id = p.case_city_id
      WHERE p.network_id = ${ctx.networkId} AND p.merged_into IS NULL
    )
    SELECT 'city' AS dimension, city AS key, count(*) AS n FROM people GROUP BY city
    UNION ALL SELECT 'status', status, count(*) FROM people GROUP BY status
    UNION ALL SELECT 'gender', gender, count(*) FROM people GROUP BY gender
  `.execute(db);
  const counts = (dimension: string) =>
    Object.fromEntries(rows.rows.filter((r) => r.dimension === dimension).map((r) => [r.key ?? 'unknown', Number(r.n)]));
  const total = rows.rows.filter((r) => r.dimension === 'gender').reduce((sum, r) => sum + Number(r.n), 0);
  return {
    total: suppressTotal(total),
    threshold: DEFAULT_THRESHOLD,
    byCity: suppress(counts('city')),
    byCaseStatus: suppress(counts('status')),
    byGender: suppress(counts('gender')),
  };
}
