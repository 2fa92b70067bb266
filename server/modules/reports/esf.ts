import type { Db } from '../../db/database.ts';
import { NotFound } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { requireMay } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { assemble } from './esf.figures.ts';
import { countEsf } from './esf.queries.ts';
import type { EsfReport, EsfReportQuery } from './esf.schemas.ts';
import { DEFAULT_THRESHOLD } from './suppression.ts';

// The ESF+ participant indicators (Regulation (EU) 2021/1057, Annex I) for a period: the
// access check, the filters' own network, one counting statement (esf.queries.ts), the
// figures and their suppression (esf.figures.ts), and the audit row of the read.

/**
 * The ESF+ indicators of the network (or one city) for a period. `threshold` is the
 * suppression threshold: the routes always use the default; tests pass a smaller one.
 * `format` says in the audit row whether the figures left as JSON, CSV or XLSX.
 */
export async function esfReport(
  db: Db,
  ctx: ServiceContext,
  q: EsfReportQuery,
  threshold = DEFAULT_THRESHOLD,
  format: 'json' | 'csv' | 'xlsx' = 'json',
): Promise<EsfReport> {
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
  const rows = await countEsf(db, ctx.networkId, q);
  await db.transaction().execute((tx) =>
    recordAudit(tx, ctx, {
      action: 'report.read',
      entityType: 'report',
      details: { report: 'esf', format, from: q.from, to: q.to, cityId: q.cityId ?? null, fundingPeriodId: q.fundingPeriodId ?? null },
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
