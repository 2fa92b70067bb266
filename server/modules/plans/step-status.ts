import type { Tx } from '../../db/database.ts';
import type { ServiceContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { recordCaseEvent } from '../timeline/timeline.service.ts';
import type { StepStatus } from './plans.schemas.ts';

// How a step of the current plan records progress: the status (and note), audited, and a
// timeline event when the status changes. The case manager's edit and other modules that move
// a step (an enrolment in an offer) go through here, inside their own transaction.

export async function applyStepStatus(
  tx: Tx,
  ctx: ServiceContext,
  step: { id: string; status: string; participantId: string; caseId: string },
  status: StepStatus,
  statusNote?: string | null,
): Promise<void> {
  await tx
    .updateTable('plan_steps')
    .set((eb) => ({ status, status_note: statusNote, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', step.id)
    .execute();
  await recordAudit(tx, ctx, {
    action: 'plan.step_update',
    entityType: 'plan_step',
    entityId: step.id,
    details: { participantId: step.participantId, status },
  });
  if (step.status !== status)
    await recordCaseEvent(tx, ctx, {
      participantId: step.participantId,
      caseId: step.caseId,
      kind: 'plan.step_status',
      data: { stepId: step.id, from: step.status, to: status },
    });
}

/** The step of the case's current plan with this lineage, held for the transaction; undefined when the plan no longer has it. */
export function findCurrentStep(tx: Tx, networkId: string, caseId: string, lineageId: string) {
  return tx
    .selectFrom('plan_steps')
    .innerJoin('plan_versions', 'plan_versions.id', 'plan_steps.plan_version_id')
    .select(['plan_steps.id', 'plan_steps.status', 'plan_steps.lineage_id', 'plan_versions.participant_id'])
    .where('plan_steps.network_id', '=', networkId)
    .where('plan_versions.case_id', '=', caseId)
    .where('plan_versions.state', '=', 'current')
    .where('plan_steps.lineage_id', '=', lineageId)
    .forUpdate('plan_steps')
    .executeTakeFirst();
}

/** Moves the case's current step of this lineage to a status, if the plan still has it and it is not there already. */
export async function moveCurrentStep(
  tx: Tx,
  ctx: ServiceContext,
  at: { participantId: string; caseId: string; lineageId: string },
  status: StepStatus,
): Promise<void> {
  const step = await findCurrentStep(tx, ctx.networkId, at.caseId, at.lineageId);
  if (!step || step.status === status) return;
  await applyStepStatus(tx, ctx, { id: step.id, status: step.status, participantId: at.participantId, caseId: at.caseId }, status);
}
