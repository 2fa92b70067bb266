import type { Db } from '../../db/database.ts';
import { Conflict } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { requireMay } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireParticipant } from '../participants/participants.service.ts';
import { recordCaseEvent } from '../timeline/timeline.service.ts';
import type { EmployabilityInput, EmployabilityView } from './employability.schemas.ts';

// Special-category data (GDPR Art. 9): only the case managers of the person's office,
// every read audited, never in lists, exports or the timeline's text.

type Row = {
  needed: boolean;
  result: EmployabilityView['result'];
  restrictions: string | null;
  checked_on: string | null;
  review_on: string | null;
  version: number;
};
const toView = (r: Row): EmployabilityView => ({
  needed: r.needed,
  result: r.result,
  restrictions: r.restrictions,
  checkedOn: r.checked_on,
  reviewOn: r.review_on,
  version: r.version,
});

export async function getEmployability(db: Db, ctx: ServiceContext, participantId: string): Promise<EmployabilityView | null> {
  const person = await requireParticipant(db, ctx, participantId, 'read');
  requireMay(ctx.actor, 'read', { type: 'employabilityCheck', officeId: person.office_id });
  const row = await db
    .selectFrom('employability_checks')
    .selectAll()
    .where('participant_id', '=', participantId)
    .where('network_id', '=', ctx.networkId)
    .executeTakeFirst();
  await db
    .transaction()
    .execute((tx) => recordAudit(tx, ctx, { action: 'employability.read', entityType: 'employability_check', entityId: participantId }));
  return row ? toView(row) : null;
}

export async function saveEmployability(
  db: Db,
  ctx: ServiceContext,
  participantId: string,
  input: EmployabilityInput,
): Promise<EmployabilityView> {
  return db.transaction().execute(async (tx) => {
    const person = await requireParticipant(tx, ctx, participantId, 'update');
    requireMay(ctx.actor, 'update', { type: 'employabilityCheck', officeId: person.office_id });
    const before = await tx
      .selectFrom('employability_checks')
      .selectAll()
      .where('participant_id', '=', participantId)
      .forUpdate()
      .executeTakeFirst();
    if (before && before.version !== input.version) throw new Conflict('The check was changed by someone else', toView(before));
    if (!before && input.version !== undefined) throw new Conflict('The check was removed or never saved');
    const values = {
      needed: input.needed,
      result: input.result,
      restrictions: input.restrictions,
      checked_on: input.checkedOn,
      review_on: input.reviewOn,
    };
    const row = before
      ? await tx
          .updateTable('employability_checks')
          .set((eb) => ({ ...values, updated_at: new Date(), version: eb('version', '+', 1) }))
          .where('id', '=', before.id)
          .returningAll()
          .executeTakeFirstOrThrow()
      : await tx
          .insertInto('employability_checks')
          .values({ ...values, network_id: ctx.networkId, participant_id: participantId })
          .returningAll()
          .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'employability.update', entityType: 'employability_check', entityId: participantId });
    // The timeline says that a check was recorded, never what it found.
    await recordCaseEvent(tx, ctx, { participantId, caseId: person.current_case_id, kind: 'employability.recorded' });
    return toView(row);
  });
}
