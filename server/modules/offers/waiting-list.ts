import type { Tx } from '../../db/database.ts';
import type { ServiceContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { moveCurrentStep } from '../plans/step-status.ts';
import { recordCaseEvent } from '../timeline/timeline.service.ts';
import { firstWaiting } from './enrolments.queries.ts';
import { placesTaken } from './offers.queries.ts';

// The waiting list: first come, first served. Whoever frees a place (a cancellation, a drop
// out, more capacity) moves the first waiting people up in the same transaction, with the
// offer row locked, so two releases never hand one place to two people.

/** The plan step follows the enrolment: enrolled → in progress, completed → done, dropped out → dropped, cancelled → open. */
export const STEP_STATUS_OF = { enrolled: 'in_progress', completed: 'done', dropped_out: 'dropped', cancelled: 'open' } as const;

/** Moves waiting people up into the free places. Call with the offer row locked (lockOffer). */
export async function fillFreePlaces(tx: Tx, ctx: ServiceContext, offer: { id: string; capacity: number }): Promise<string[]> {
  const movedUp: string[] = [];
  let free = offer.capacity - (await placesTaken(tx, offer.id));
  while (free > 0) {
    const next = await firstWaiting(tx, offer.id);
    if (!next) break;
    await tx
      .updateTable('offer_enrolments')
      .set((eb) => ({ state: 'enrolled', enrolled_at: new Date(), updated_at: new Date(), version: eb('version', '+', 1) }))
      .where('id', '=', next.id)
      .execute();
    await recordAudit(tx, ctx, {
      action: 'enrolment.move_up',
      entityType: 'offer_enrolment',
      entityId: next.id,
      details: { offerId: offer.id, participantId: next.participant_id },
    });
    await recordCaseEvent(tx, ctx, {
      participantId: next.participant_id,
      caseId: next.case_id,
      kind: 'offer.moved_up',
      data: { offerId: offer.id, enrolmentId: next.id },
    });
    if (next.step_lineage_id)
      await moveCurrentStep(
        tx,
        ctx,
        { participantId: next.participant_id, caseId: next.case_id, lineageId: next.step_lineage_id },
        STEP_STATUS_OF.enrolled,
      );
    movedUp.push(next.id);
    free--;
  }
  return movedUp;
}
