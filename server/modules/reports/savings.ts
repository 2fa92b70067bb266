import type { Db } from '../../db/database.ts';
import { Conflict } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { requireMay } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { ReportSettingsUpdate, ReportSettingsView, SavingsEstimate } from './savings.schemas.ts';

// The savings estimate: placed people × months without benefits × (monthly amount per person +
// per household). The amounts are the network's settings; until an admin sets them, the defaults
// below apply and are shown as assumptions (decision 0018 gives their sources).

export const DEFAULT_SETTINGS = {
  /** Assumption: a placement counts for one year without benefits. */
  monthsWithoutBenefits: 12,
  /** Assumption: the standard rate for a single adult, Regelbedarfsstufe 1 (§ 20 SGB II), 563 € in 2025 and 2026. */
  monthlyAmountPerPerson: 563,
  /** Assumption: accommodation and heating of a one-person household, 600 € (to be replaced by the city's own figure). */
  monthlyAmountPerHousehold: 600,
} as const;

type Executor = Pick<Db, 'selectFrom'>;

export async function readSettings(db: Executor, networkId: string): Promise<ReportSettingsView> {
  const row = await db.selectFrom('report_settings').selectAll().where('network_id', '=', networkId).executeTakeFirst();
  if (!row) return { ...DEFAULT_SETTINGS, version: 0, isDefault: true, updatedAt: null };
  return {
    monthsWithoutBenefits: row.months_without_benefits,
    monthlyAmountPerPerson: row.monthly_amount_per_person,
    monthlyAmountPerHousehold: row.monthly_amount_per_household,
    version: row.version,
    isDefault: false,
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function getReportSettings(db: Db, ctx: ServiceContext): Promise<ReportSettingsView> {
  requireMay(ctx.actor, 'read', { type: 'reportSettings' });
  return readSettings(db, ctx.networkId);
}

/** The admin's change of the amounts: versioned (a stale save is 409 with the current settings), audited. */
export async function updateReportSettings(db: Db, ctx: ServiceContext, input: ReportSettingsUpdate): Promise<ReportSettingsView> {
  requireMay(ctx.actor, 'update', { type: 'reportSettings' });
  await db.transaction().execute(async (tx) => {
    // Lock the row (or, before the first save, the network) so two saves cannot both pass the check.
    await tx.selectFrom('networks').select('id').where('id', '=', ctx.networkId).forUpdate().execute();
    const current = await readSettings(tx, ctx.networkId);
    if (current.version !== input.version) throw new Conflict('The settings were changed by someone else', current);
    const values = {
      months_without_benefits: input.monthsWithoutBenefits,
      monthly_amount_per_person: input.monthlyAmountPerPerson,
      monthly_amount_per_household: input.monthlyAmountPerHousehold,
      updated_by: ctx.actor.userId,
      updated_at: new Date(),
    };
    if (current.version === 0)
      await tx
        .insertInto('report_settings')
        .values({ network_id: ctx.networkId, ...values })
        .execute();
    else
      await tx
        .updateTable('report_settings')
        .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
        .where('network_id', '=', ctx.networkId)
        .execute();
    await recordAudit(tx, ctx, {
      action: 'report.settings_update',
      entityType: 'report_settings',
      entityId: ctx.networkId,
      details: { fields: ['monthsWithoutBenefits', 'monthlyAmountPerPerson', 'monthlyAmountPerHousehold'] },
    });
  });
  return readSettings(db, ctx.networkId);
}

/** The arithmetic, pure: nothing is estimated from a suppressed count. */
export function estimateSavings(placed: number | null, settings: ReportSettingsView): SavingsEstimate {
  const { monthsWithoutBenefits, monthlyAmountPerPerson, monthlyAmountPerHousehold, isDefault } = settings;
  const total = placed === null ? null : placed * monthsWithoutBenefits * (monthlyAmountPerPerson + monthlyAmountPerHousehold);
  return { placed, monthsWithoutBenefits, monthlyAmountPerPerson, monthlyAmountPerHousehold, total, isDefault };
}
