import type { Db } from '../../db/database.ts';
import { Invalid, NotFound } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { requireMay } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { ReportSettingsView } from './savings.schemas.ts';
import { estimateSavings, readSettings } from './savings.ts';
import { SUPPORT_KEYS, type PlacementRate, type ProgrammeQuery, type ProgrammeReport, type ReportCell } from './programme.schemas.ts';
import { countProgramme, type CountFilters, type CountRow } from './programme.queries.ts';
import { DEFAULT_THRESHOLD, suppress, suppressTotal } from './suppression.ts';

// The programme dashboard: checks the filters, counts (programme.queries.ts), suppresses small
// numbers and audits the read. Rules: docs/decisions/0018-programme-reporting.md.

async function resolveFilters(db: Db, ctx: ServiceContext, q: ProgrammeQuery): Promise<CountFilters> {
  const net = ctx.networkId;
  if (q.cityId && !(await db.selectFrom('cities').select('id').where('network_id', '=', net).where('id', '=', q.cityId).executeTakeFirst()))
    throw new NotFound('City');
  const period = q.fundingPeriodId;
  if (
    period &&
    !(await db.selectFrom('funding_periods').select('id').where('network_id', '=', net).where('id', '=', period).executeTakeFirst())
  )
    throw new NotFound('Funding period');
  let officeId: string | null = null;
  let partnerId: string | null = null;
  if (q.organisationId) {
    const org = await db
      .selectFrom('organisations')
      .select(['id', 'kind'])
      .where('network_id', '=', net)
      .where('id', '=', q.organisationId)
      .executeTakeFirst();
    if (!org) throw new NotFound('Organisation');
    if (org.kind === 'case_management_office') officeId = org.id;
    else if (org.kind === 'partner') partnerId = org.id;
    else throw new Invalid('Reports filter by a case management office or a partner', { organisationId: ['Not an office or a partner'] });
  }
  return { networkId: net, from: q.from, to: q.to, cityId: q.cityId ?? null, officeId, partnerId, fundingPeriodId: period ?? null };
}

/**
 * The dashboard's figures for a period. `threshold` is the suppression threshold: the route
 * always uses the default; tests pass 1 to see every count.
 */
export async function programmeReport(
  db: Db,
  ctx: ServiceContext,
  q: ProgrammeQuery,
  threshold = DEFAULT_THRESHOLD,
  file: 'csv' | 'xlsx' | 'pdf' | null = null,
): Promise<ProgrammeReport> {
  requireMay(ctx.actor, 'read', { type: 'report' });
  const filters = await resolveFilters(db, ctx, q);
  const [rows, settings] = await Promise.all([countProgramme(db, filters), readSettings(db, ctx.networkId)]);
  await db.transaction().execute((tx) =>
    recordAudit(tx, ctx, {
      action: 'report.read',
      entityType: 'report',
      details: {
        report: 'programme',
        file,
        from: q.from,
        to: q.to,
        cityId: filters.cityId,
        organisationId: q.organisationId ?? null,
        fundingPeriodId: filters.fundingPeriodId,
      },
    }),
  );
  return {
    from: q.from,
    to: q.to,
    cityId: filters.cityId,
    organisationId: q.organisationId ?? null,
    fundingPeriodId: filters.fundingPeriodId,
    threshold,
    ...assembleProgramme(rows, { from: q.from, to: q.to }, settings, threshold),
  };
}

/** Every month of the period as YYYY-MM. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) return months;
    months.push(key);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
}

/** Counts → suppressed figures. Pure, so the rules read in one place. */
export function assembleProgramme(
  rows: CountRow[],
  period: { from: string; to: string },
  settings: ReportSettingsView,
  threshold: number,
): Omit<ProgrammeReport, 'from' | 'to' | 'cityId' | 'organisationId' | 'fundingPeriodId' | 'threshold'> {
  const of = (dimension: string) =>
    Object.fromEntries(rows.filter((r) => r.dimension === dimension).map((r) => [r.key ?? 'unknown', Number(r.n ?? 0)]));
  const n = (dimension: string, key: string) => of(dimension)[key] ?? 0;
  const small = (count: number) => count > 0 && count < threshold;
  const cells = (counts: Record<string, number>): ReportCell[] => suppress(counts, threshold);
  // A part beside its whole reveals the rest: shown only when neither it nor the rest is small.
  const part = (count: number, whole: number | null) => (whole === null || small(count) || small(whole - count) ? null : count);

  const total = n('total', 'participants');
  const participants = suppressTotal(total, threshold);
  const months = Object.fromEntries(monthsOf(period.from, period.to).map((m) => [m, n('month', m)]));
  const age = of('age');
  const [u18, a18to24, a25to29] = [age.under_18 ?? 0, age['18_24'] ?? 0, age['25_29'] ?? 0];
  const ageCells = cells({
    under_18: u18,
    '18_29': a18to24 + a25to29,
    '30_54': age['30_54'] ?? 0,
    '55_plus': age['55_plus'] ?? 0,
    unknown: age.unknown ?? 0,
  });
  const under25 = u18 + a18to24;
  // Under 25 beside the bands would reveal 18–24 and 25–29, or a hidden band: hidden then.
  const bandsShown = ageCells.filter((c) => c.key === 'under_18' || c.key === '18_29').every((c) => c.count !== null);
  const under25Shown = participants !== null && bandsShown && ![under25, total - under25, a18to24, a25to29].some(small);

  const placed = n('total', 'placed');
  const placedShown = part(placed, participants);
  const rate = (key: string, people: number | null, count: number | null): PlacementRate => ({
    key,
    participants: people,
    placed: count,
    rate: people === null || count === null || people === 0 ? null : count / people,
  });

  const byCity = cells(of('city'));
  const placedByCity = of('placed_city');
  const cityRates = byCity.map((c) => {
    const count = placedByCity[c.key] ?? 0;
    return { key: c.key, people: c.count, count, hidden: c.count === null || small(count) || small(c.count - count) };
  });
  // One hidden city beside the shown total placed could be worked out: hide the smallest other one too.
  if (placedShown !== null && cityRates.filter((c) => c.hidden && c.count > 0).length === 1) {
    const next = cityRates.filter((c) => !c.hidden && c.count > 0).sort((a, b) => a.count - b.count)[0];
    if (next) next.hidden = true;
  }

  const median = rows.find((r) => r.dimension === 'median')?.n;
  const funnelTotal = participants;
  return {
    participants,
    entrants: part(n('total', 'entrants'), participants),
    entriesByMonth: cells(months),
    byGender: cells({
      female: n('gender', 'female'),
      male: n('gender', 'male'),
      non_binary: n('gender', 'non_binary'),
      not_stated: n('gender', 'not_stated'),
    }),
    byAgeBand: ageCells,
    under25: under25Shown ? under25 : null,
    byResidenceTitle: cells(of('residence')),
    byGermanLevel: cells(of('german')),
    byCity,
    byOffice: cells(of('office')),
    byPartner: cells(of('partner')),
    placementsByKind: cells({
      employment: n('placement_kind', 'employment'),
      apprenticeship: n('placement_kind', 'apprenticeship'),
      self_employment: n('placement_kind', 'self_employment'),
      marginal_employment: n('placement_kind', 'marginal_employment'),
      other_labour_market: n('placement_kind', 'other_labour_market'),
    }),
    placementRate: rate('total', participants, placedShown),
    placementRateByCity: cityRates.map((c) => rate(c.key, c.people, c.hidden ? null : c.count)),
    // A median of fewer people than the threshold describes them too closely.
    medianDaysToPlacement: placedShown === null || placed < threshold || median == null ? null : Number(median),
    funnel: [
      { key: 'participants', count: funnelTotal },
      ...(['intake', 'plan', 'referral', 'proposal', 'placement'] as const).map((stage) => ({
        key: stage,
        count: part(n('funnel', stage), funnelTotal),
      })),
    ],
    // Each a part of the participants, hidden like the funnel's stages.
    support: SUPPORT_KEYS.map((key) => ({ key, count: part(n('support', key), participants) })),
    savings: estimateSavings(placedShown, settings),
  };
}
