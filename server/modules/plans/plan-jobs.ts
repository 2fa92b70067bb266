import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import type { ServiceContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireParticipant } from '../participants/participants.service.ts';
import { recordCaseEvent } from '../timeline/timeline.service.ts';
import { APPLICATION_COACHING_STEP_TYPES, type StepStatus } from './plans.schemas.ts';
import { openDraft } from './plans.service.ts';

// What the jobs work reads from and writes into the support plan: application coaching
// is recorded as steps of its types, and a work permission to request becomes a step.

const GOAL_TITLE = 'Arbeitsaufnahme';

/**
 * Adds a step to the plan's draft (opened from the current plan if there is none), to be
 * discussed with the participant; once per step type and text. The draft's version moves
 * on, so an editor open on it gets a 409 instead of losing the step.
 */
export async function addStepToDraft(
  tx: Tx,
  ctx: ServiceContext,
  step: { participantId: string; caseId: string; officeId: string; stepTypeKey: string; text: string },
): Promise<void> {
  const type = await tx
    .selectFrom('step_types')
    .select('id')
    .where('network_id', '=', ctx.networkId)
    .where('key', '=', step.stepTypeKey)
    .executeTakeFirst();
  if (!type) return;
  const draftId = await openDraft(tx, ctx, step.participantId, step.caseId, null);
  const existing = await tx
    .selectFrom('plan_steps')
    .select('id')
    .where('plan_version_id', '=', draftId)
    .where('step_type_id', '=', type.id)
    .where('text', '=', step.text)
    .executeTakeFirst();
  if (existing) return;
  let goal = await tx
    .selectFrom('plan_goals')
    .select('id')
    .where('plan_version_id', '=', draftId)
    .orderBy('position', 'desc')
    .executeTakeFirst();
  if (!goal) {
    goal = await tx
      .insertInto('plan_goals')
      .values({ network_id: ctx.networkId, plan_version_id: draftId, lineage_id: crypto.randomUUID(), position: 0, title: GOAL_TITLE })
      .returning('id')
      .executeTakeFirstOrThrow();
  }
  const { next } = await tx
    .selectFrom('plan_steps')
    .select(sql<number>`coalesce(max(position), -1) + 1`.as('next'))
    .where('goal_id', '=', goal.id)
    .executeTakeFirstOrThrow();
  const inserted = await tx
    .insertInto('plan_steps')
    .values({
      network_id: ctx.networkId,
      plan_version_id: draftId,
      goal_id: goal.id,
      lineage_id: crypto.randomUUID(),
      position: next,
      step_type_id: type.id,
      text: step.text,
      responsible_organisation_id: step.officeId,
      status: 'open',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .updateTable('plan_versions')
    .set((eb) => ({ updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', draftId)
    .execute();
  await recordAudit(tx, ctx, {
    action: 'plan.update',
    entityType: 'plan_version',
    entityId: draftId,
    details: { participantId: step.participantId, addedStepId: inserted.id, stepType: step.stepTypeKey },
  });
  await recordCaseEvent(tx, ctx, {
    participantId: step.participantId,
    caseId: step.caseId,
    kind: 'plan.drafted',
    data: { stepType: step.stepTypeKey },
  });
}

/** The best status among several steps of one type: done counts over work in progress, and so on. */
const RANK: Record<StepStatus, number> = { done: 3, in_progress: 2, open: 1, dropped: 0 };

/** Application coaching as the current plan records it: each coaching step type with its status, or null when absent. */
export async function applicationCoaching(db: Db, ctx: ServiceContext, participantId: string) {
  const person = await requireParticipant(db, ctx, participantId, 'read');
  const rows = person.current_case_id
    ? await db
        .selectFrom('plan_steps')
        .innerJoin('plan_versions', 'plan_versions.id', 'plan_steps.plan_version_id')
        .innerJoin('step_types', 'step_types.id', 'plan_steps.step_type_id')
        .select(['step_types.key', 'plan_steps.status', 'plan_steps.due_on'])
        .where('plan_versions.case_id', '=', person.current_case_id)
        .where('plan_versions.state', '=', 'current')
        .where('step_types.key', 'in', [...APPLICATION_COACHING_STEP_TYPES])
        .execute()
    : [];
  await db.transaction().execute((tx) =>
    recordAudit(tx, ctx, {
      action: 'plan.read',
      entityType: 'participant',
      entityId: participantId,
      details: { view: 'application_coaching' },
    }),
  );
  return {
    steps: APPLICATION_COACHING_STEP_TYPES.map((key) => {
      const best = rows.filter((r) => r.key === key).sort((a, b) => RANK[b.status] - RANK[a.status])[0];
      return { stepTypeKey: key, status: best?.status ?? null, dueOn: best?.due_on ?? null };
    }),
  };
}
