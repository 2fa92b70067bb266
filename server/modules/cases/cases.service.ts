import type { Db } from '../../db/database.ts';
import { Conflict, Invalid, NotFound } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { participantOfficeScope, requireMay } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findCase } from '../participants/participants.queries.ts';
import type { CaseView } from '../participants/participants.schemas.ts';
import { recordCaseEvent } from '../timeline/timeline.service.ts';
import { CLOSING_STATUSES, type CaseUpdateInput } from './cases.schemas.ts';

export async function updateCase(db: Db, ctx: ServiceContext, caseId: string, input: CaseUpdateInput): Promise<CaseView> {
  const { version, ...changes } = input;
  return db.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', caseId)
      .where('network_id', '=', ctx.networkId)
      .where(
        'office_id',
        'in',
        participantOfficeScope(ctx.actor).length ? participantOfficeScope(ctx.actor) : ['00000000-0000-0000-0000-000000000000'],
      )
      .executeTakeFirst();
    if (!before) throw new NotFound('Case');
    requireMay(ctx.actor, 'update', { type: 'participant', officeId: before.office_id });
    if (before.version !== version) throw new Conflict('The case was changed by someone else', await findCase(tx, caseId));

    const after = {
      ...before,
      ...Object.fromEntries(
        Object.entries({
          status: changes.status,
          exit_date: changes.exitDate,
          exit_reason: changes.exitReason,
          entry_date: changes.entryDate,
        }).filter(([, v]) => v !== undefined),
      ),
    };
    const fields: Record<string, string[]> = {};
    if ((CLOSING_STATUSES as readonly string[]).includes(after.status)) {
      if (!after.exit_date) fields.exitDate = ['Required when the case ends'];
      if (!after.exit_reason) fields.exitReason = ['Required when the case ends'];
    } else if (after.exit_date || after.exit_reason) {
      fields.status = ['A case with an exit date must be placed, closed or dropped out'];
    }
    if (after.entry_date && after.exit_date && after.exit_date < after.entry_date)
      fields.exitDate = ['The exit cannot be before the entry'];
    if (changes.caseManagerId) {
      const member = await tx
        .selectFrom('memberships')
        .select('id')
        .where('user_id', '=', changes.caseManagerId)
        .where('organisation_id', '=', before.office_id)
        .where('role', '=', 'case_manager')
        .executeTakeFirst();
      if (!member) fields.caseManagerId = ['Not a case manager of this office'];
    }
    if (
      changes.cityId &&
      !(await tx
        .selectFrom('cities')
        .select('id')
        .where('id', '=', changes.cityId)
        .where('network_id', '=', ctx.networkId)
        .executeTakeFirst())
    )
      fields.cityId = ['Unknown city'];
    if (
      changes.fundingPeriodId &&
      !(await tx
        .selectFrom('funding_periods')
        .select('id')
        .where('id', '=', changes.fundingPeriodId)
        .where('network_id', '=', ctx.networkId)
        .executeTakeFirst())
    ) {
      fields.fundingPeriodId = ['Unknown funding period'];
    }
    if (Object.keys(fields).length) throw new Invalid('The case cannot be saved like this', fields);

    await tx
      .updateTable('cases')
      .set((eb) => ({
        status: changes.status,
        case_manager_id: changes.caseManagerId,
        city_id: changes.cityId,
        funding_period_id: changes.fundingPeriodId,
        entry_date: changes.entryDate,
        exit_date: changes.exitDate,
        exit_reason: changes.exitReason,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', caseId)
      .execute();
    const changed = Object.keys(changes).filter((k) => changes[k as keyof typeof changes] !== undefined);
    await recordAudit(tx, ctx, { action: 'case.update', entityType: 'case', entityId: caseId, details: { fields: changed } });
    await recordCaseEvent(tx, ctx, {
      participantId: before.participant_id,
      caseId,
      kind: 'case.updated',
      data: { fields: changed, status: changes.status, from: changes.status ? before.status : undefined },
    });
    return (await findCase(tx, caseId))!;
  });
}
