import type { Db } from '../../db/database.ts';
import { addDays } from '../../dates.ts';
import { Invalid } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { recordCaseEvent } from '../timeline/timeline.service.ts';
import type { AgreementEndInput, AgreementView, CheckInInput, NeedsInput } from './apprenticeships.schemas.ts';
import { bump, checkPeople, forChange, replaceNeeds, view } from './apprenticeships.service.ts';

// How a running agreement moves on: its needs replaced as a whole, check-ins recorded one by
// one (each setting the next), and its end as completed or dropped out.

export async function saveNeeds(db: Db, ctx: ServiceContext, id: string, input: NeedsInput): Promise<AgreementView> {
  return db.transaction().execute(async (tx) => {
    const row = await forChange(tx, ctx, id, input.version);
    await checkPeople(tx, ctx, row.employer_id, { needs: input.needs });
    await replaceNeeds(tx, ctx, id, input.needs);
    await bump(tx, id, {});
    await recordAudit(tx, ctx, {
      action: 'apprenticeship.needs',
      entityType: 'apprenticeship',
      entityId: id,
      details: { areas: input.needs.map((n) => n.area) },
    });
    return view(tx, ctx, id);
  });
}

export async function recordCheckIn(db: Db, ctx: ServiceContext, id: string, input: CheckInInput): Promise<AgreementView> {
  return db.transaction().execute(async (tx) => {
    const row = await forChange(tx, ctx, id, null);
    await tx
      .insertInto('apprenticeship_check_ins')
      .values({
        network_id: ctx.networkId,
        apprenticeship_id: id,
        held_on: input.heldOn,
        held_with: input.heldWith,
        notes: input.notes ?? null,
        signals: input.signals,
        next_check_in_on: input.nextCheckInOn ?? null,
        recorded_by: ctx.actor.userId,
      })
      .execute();
    // The next check-in is the one agreed now, or four weeks on.
    await bump(tx, id, { next_check_in_on: input.nextCheckInOn ?? addDays(input.heldOn, 28) });
    // Signals are named in the audit row by kind only; the notes never are.
    await recordAudit(tx, ctx, {
      action: 'apprenticeship.check_in',
      entityType: 'apprenticeship',
      entityId: id,
      details: { heldWith: input.heldWith, signals: input.signals.length },
    });
    await recordCaseEvent(tx, ctx, {
      participantId: row.participant_id,
      caseId: null,
      kind: 'apprenticeship.check_in',
      data: { apprenticeshipId: id, heldWith: input.heldWith },
    });
    return view(tx, ctx, id);
  });
}

export async function endAgreement(db: Db, ctx: ServiceContext, id: string, input: AgreementEndInput): Promise<AgreementView> {
  return db.transaction().execute(async (tx) => {
    const row = await forChange(tx, ctx, id, input.version);
    if (input.endedOn < row.starts_on) throw new Invalid('The end cannot be before the start', { endedOn: ['Before the start'] });
    await bump(tx, id, {
      status: input.status,
      ended_on: input.endedOn,
      end_reason: input.status === 'dropped_out' ? input.reason : null,
      next_check_in_on: null,
    });
    await recordAudit(tx, ctx, {
      action: 'apprenticeship.end',
      entityType: 'apprenticeship',
      entityId: id,
      details: { status: input.status, reason: input.reason ?? null },
    });
    await recordCaseEvent(tx, ctx, {
      participantId: row.participant_id,
      caseId: null,
      kind: 'apprenticeship.ended',
      data: { apprenticeshipId: id, status: input.status },
    });
    return view(tx, ctx, id);
  });
}
