import { today } from '../../dates.ts';
import type { Db, Tx } from '../../db/database.ts';
import { Conflict, Invalid } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import type { Action } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { moveCurrentStep } from '../plans/step-status.ts';
import { recordCaseEvent } from '../timeline/timeline.service.ts';
import type {
  AttendanceInput,
  AttendanceView,
  EnrolmentCancelInput,
  EnrolmentCompleteInput,
  EnrolmentDropOutInput,
  EnrolmentView,
} from './enrolments.schemas.ts';
import { reloadEnrolment, requireEnrolment } from './enrolments.service.ts';
import { lockOffer } from './offers.queries.ts';
import { fillFreePlaces, STEP_STATUS_OF } from './waiting-list.ts';

// The course of an enrolment: the office cancels it; the provider records attendance,
// completion with the certificate, or dropping out. Each moves the plan step it came
// from, and a freed place goes to the first person waiting, in the same transaction.

type Ending = 'cancelled' | 'dropped_out' | 'completed';

/**
 * Locks the offer, then the enrolment (the order enrol uses, so the two never deadlock),
 * and checks access, version and state.
 */
async function lockForChange(tx: Tx, ctx: ServiceContext, id: string, action: Action, version: number, states: string[]) {
  const seen = await requireEnrolment(tx, ctx, id, action);
  const offer = (await lockOffer(tx, ctx.networkId, seen.offer_id))!;
  const row = await requireEnrolment(tx, ctx, id, action, true);
  if (row.version !== version) throw new Conflict('The enrolment was changed by someone else', await reloadEnrolment(tx, ctx, id));
  if (!states.includes(row.state))
    throw new Conflict(`The enrolment is ${row.state.replace('_', ' ')}`, await reloadEnrolment(tx, ctx, id));
  return { row, offer };
}

async function end(
  db: Db,
  ctx: ServiceContext,
  id: string,
  ending: Ending,
  version: number,
  fields: {
    ended_on?: string;
    end_reason?: string | null;
    completed_on?: string;
    certificate?: boolean;
    certificate_name?: string | null;
    certificate_on?: string | null;
  },
): Promise<EnrolmentView> {
  await db.transaction().execute(async (tx) => {
    const action = ending === 'cancelled' ? 'delete' : 'update';
    const { row, offer } = await lockForChange(
      tx,
      ctx,
      id,
      action,
      version,
      ending === 'cancelled' ? ['enrolled', 'waiting'] : ['enrolled'],
    );
    await tx
      .updateTable('offer_enrolments')
      .set((eb) => ({ ...fields, state: ending, updated_at: new Date(), version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute();
    // A waiting person's step never moved; an enrolled person's follows the ending.
    if (row.state === 'enrolled' && row.step_lineage_id)
      await moveCurrentStep(
        tx,
        ctx,
        { participantId: row.participant_id, caseId: row.case_id, lineageId: row.step_lineage_id },
        STEP_STATUS_OF[ending],
      );
    const movedUp = ending === 'completed' ? [] : await fillFreePlaces(tx, ctx, offer);
    await recordAudit(tx, ctx, {
      action: ending === 'cancelled' ? 'enrolment.cancel' : ending === 'completed' ? 'enrolment.complete' : 'enrolment.drop_out',
      entityType: 'offer_enrolment',
      entityId: id,
      details: { offerId: row.offer_id, participantId: row.participant_id, from: row.state, movedUp },
    });
    await recordCaseEvent(tx, ctx, {
      participantId: row.participant_id,
      caseId: row.case_id,
      kind: ending === 'cancelled' ? 'offer.cancelled' : ending === 'completed' ? 'offer.completed' : 'offer.dropped_out',
      data: {
        offerId: row.offer_id,
        enrolmentId: id,
        title: row.offer_title,
        ...(ending === 'completed' ? { certificate: fields.certificate } : {}),
      },
    });
  });
  return reloadEnrolment(db, ctx, id);
}

export function cancelEnrolment(db: Db, ctx: ServiceContext, id: string, input: EnrolmentCancelInput) {
  return end(db, ctx, id, 'cancelled', input.version, { ended_on: today(), end_reason: input.reason ?? null });
}

export function dropOut(db: Db, ctx: ServiceContext, id: string, input: EnrolmentDropOutInput) {
  return end(db, ctx, id, 'dropped_out', input.version, { ended_on: input.droppedOn, end_reason: input.reason ?? null });
}

export function completeEnrolment(db: Db, ctx: ServiceContext, id: string, input: EnrolmentCompleteInput) {
  return end(db, ctx, id, 'completed', input.version, {
    completed_on: input.completedOn,
    certificate: input.certificate,
    certificate_name: input.certificate ? (input.certificateName ?? null) : null,
    certificate_on: input.certificate ? (input.certificateOn ?? input.completedOn) : null,
  });
}

/** Attendance of one person on one session date, by the provider; a re-save names the entry's version. */
export async function recordAttendance(
  db: Db,
  ctx: ServiceContext,
  id: string,
  sessionOn: string,
  input: AttendanceInput,
): Promise<AttendanceView> {
  return db.transaction().execute(async (tx) => {
    const row = await requireEnrolment(tx, ctx, id, 'update', true);
    if (!['enrolled', 'completed', 'dropped_out'].includes(row.state)) throw new Conflict('Only enrolled participants attend');
    if (sessionOn < row.offer_starts_on || sessionOn > row.offer_ends_on || sessionOn > today())
      throw new Invalid('Not a day of the offer', { date: ['Choose a day between the start and the end, not in the future'] });
    const existing = await tx
      .selectFrom('offer_attendance')
      .select(['id', 'version', 'session_on', 'status'])
      .where('enrolment_id', '=', id)
      .where('session_on', '=', sessionOn)
      .executeTakeFirst();
    const current = existing && { sessionOn: existing.session_on, status: existing.status, version: existing.version };
    if ((existing?.version ?? null) !== (input.version ?? null)) throw new Conflict('The attendance was recorded by someone else', current);
    const saved = existing
      ? await tx
          .updateTable('offer_attendance')
          .set((eb) => ({ status: input.status, recorded_by: ctx.actor.userId, updated_at: new Date(), version: eb('version', '+', 1) }))
          .where('id', '=', existing.id)
          .returningAll()
          .executeTakeFirstOrThrow()
      : await tx
          .insertInto('offer_attendance')
          .values({
            network_id: ctx.networkId,
            enrolment_id: id,
            session_on: sessionOn,
            status: input.status,
            recorded_by: ctx.actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'enrolment.attendance',
      entityType: 'offer_enrolment',
      entityId: id,
      details: { participantId: row.participant_id, sessionOn, status: input.status },
    });
    return { sessionOn: saved.session_on, status: saved.status, version: saved.version };
  });
}
