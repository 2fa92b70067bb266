import type { Db, Tx } from '../../db/database.ts';
import { Conflict, Invalid, NotFound } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { requireMay } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { openDraft } from '../plans/plans.service.ts';
import { loadTasks } from '../referrals/referrals.queries.ts';
import { recordCaseEvent } from '../timeline/timeline.service.ts';
import type { ConferenceCloseInput, ConferenceMinutesInput, ConferenceView, Decision } from './appointments.schemas.ts';

// The case conference: its agenda of tasks, the decision per task and the minutes; closing
// it (office only) drafts the next plan version from the decisions or closes the case.

import { requireAppointment, toView, type Row } from './appointments.service.ts';

async function requireConference(tx: Db | Tx, ctx: ServiceContext, id: string, action: 'read' | 'update') {
  const found = await requireAppointment(tx, ctx, id, action, action === 'update');
  if (found.row.kind !== 'case_conference') throw new NotFound('Case conference');
  return found;
}

/** The conference with its agenda: every task of the referral and where it stands. */
export async function getConference(db: Db, ctx: ServiceContext, id: string): Promise<ConferenceView> {
  const { row } = await requireConference(db, ctx, id, 'read');
  await db.transaction().execute((tx) =>
    recordAudit(tx, ctx, {
      action: 'conference.read',
      entityType: 'appointment',
      entityId: id,
      details: { participantId: row.participant_id },
    }),
  );
  return withAgenda(db, row);
}

async function withAgenda(db: Db | Tx, row: Row): Promise<ConferenceView> {
  const tasks = await loadTasks(db, row.referral_id);
  return {
    ...toView(row),
    agenda: tasks.map((t) => ({
      taskId: t.id,
      stepTypeKey: t.stepTypeKey,
      stepTypeLabels: t.stepTypeLabels,
      text: t.text,
      dueOn: t.dueOn,
      status: t.status,
      progressNote: t.progressNote,
    })),
  };
}

export async function saveConferenceMinutes(
  db: Db,
  ctx: ServiceContext,
  id: string,
  input: ConferenceMinutesInput,
): Promise<ConferenceView> {
  await db.transaction().execute(async (tx) => {
    const { row } = await requireConference(tx, ctx, id, 'update');
    if (row.version !== input.version) throw new Conflict('The minutes were changed by someone else', await withAgenda(tx, row));
    if (row.closed_at) throw new Conflict('The case conference is closed');
    const taskIds = new Set((await loadTasks(tx, row.referral_id)).map((t) => t.id));
    if (input.decisions.some((d) => d.taskId && !taskIds.has(d.taskId)))
      throw new Invalid('A decision names a task of another referral', { decisions: ['Unknown task'] });
    const decided = input.decisions.flatMap((d) => (d.taskId ? [d.taskId] : []));
    if (new Set(decided).size !== decided.length) throw new Invalid('One decision per task', { decisions: ['One decision per task'] });
    const typeIds = [...new Set(input.decisions.flatMap((d) => (d.stepTypeId ? [d.stepTypeId] : [])))];
    const known = typeIds.length
      ? await tx.selectFrom('step_types').select('id').where('network_id', '=', ctx.networkId).where('id', 'in', typeIds).execute()
      : [];
    if (known.length !== typeIds.length) throw new Invalid('Unknown step type', { decisions: ['Unknown step type'] });
    await tx
      .updateTable('appointments')
      .set((eb) => ({
        decisions: JSON.stringify(input.decisions),
        next_steps: input.nextSteps ?? null,
        minutes: input.minutes ?? null,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, ctx, {
      action: 'appointment.update',
      entityType: 'appointment',
      entityId: id,
      details: { fields: ['decisions', 'minutes'] },
    });
  });
  return getConference(db, ctx, id);
}

const STATUS_BY_DECISION = { done: 'done', drop: 'dropped', continue: 'open' } as const;

/**
 * Closes the conference. next_cycle: the next plan version is drafted from the decisions
 * (finalising it with the participant drafts the next referral); close_case: the case
 * ends with the exit reason, the referral completes and open appointments are cancelled.
 */
export async function closeConference(db: Db, ctx: ServiceContext, id: string, input: ConferenceCloseInput): Promise<ConferenceView> {
  await db.transaction().execute(async (tx) => {
    const { row } = await requireConference(tx, ctx, id, 'update');
    // Closing decides the plan or ends the case: the office's, not the partner's.
    requireMay(ctx.actor, 'update', { type: 'participant', officeId: row.office_id });
    if (row.version !== input.version) throw new Conflict('The conference was changed by someone else', await withAgenda(tx, row));
    if (row.closed_at) throw new Conflict('The case conference is closed already');
    if (row.state === 'cancelled') throw new Conflict('A cancelled conference cannot be closed');
    const decisions = row.decisions as Decision[];
    const tasks = await loadTasks(tx, row.referral_id);
    const decided = new Set(decisions.map((d) => d.taskId).filter(Boolean));
    const undecided = tasks.filter((t) => !decided.has(t.id));
    if (input.outcome === 'next_cycle' && undecided.length > 0)
      throw new Invalid('Record a decision for every task first', {
        decisions: undecided.map((t) => `No decision for: ${t.text || t.stepTypeKey}`),
      });

    let draftId: string | null = null;
    if (input.outcome === 'next_cycle') {
      draftId = await openDraft(tx, ctx, row.participant_id, row.case_id, id);
      // The draft changes under an editor that may have it open: its version moves (409 there).
      await tx
        .updateTable('plan_versions')
        .set((eb) => ({ conference_id: id, updated_at: new Date(), version: eb('version', '+', 1) }))
        .where('id', '=', draftId)
        .execute();
      await applyDecisions(tx, ctx, draftId, row, decisions, tasks);
      await recordCaseEvent(tx, ctx, {
        participantId: row.participant_id,
        caseId: row.case_id,
        kind: 'plan.drafted',
        data: { conferenceId: id },
      });
    } else {
      await closeCase(tx, ctx, row, input);
    }
    await tx
      .updateTable('appointments')
      .set((eb) => ({
        state: 'held',
        outcome: input.outcome,
        closed_at: new Date(),
        closed_by: ctx.actor.userId,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, ctx, {
      action: 'conference.close',
      entityType: 'appointment',
      entityId: id,
      details: { participantId: row.participant_id, outcome: input.outcome, draftId },
    });
    await recordCaseEvent(tx, ctx, {
      participantId: row.participant_id,
      caseId: row.case_id,
      kind: 'conference.closed',
      data: { conferenceId: id, outcome: input.outcome, exitReason: input.exitReason ?? null },
    });
  });
  return getConference(db, ctx, id);
}

/** Carries each decision into the draft: a step's status follows; new and continued form-only tasks become steps. */
async function applyDecisions(
  tx: Tx,
  ctx: ServiceContext,
  draftId: string,
  conference: Row,
  decisions: Decision[],
  tasks: Awaited<ReturnType<typeof loadTasks>>,
) {
  const steps = await tx.selectFrom('plan_steps').select(['id', 'lineage_id', 'status']).where('plan_version_id', '=', draftId).execute();
  const byLineage = new Map(steps.map((s) => [s.lineage_id, s]));
  const added: { stepTypeId: string; text: string; dueOn: string | null; note: string | null; lineageId?: string }[] = [];
  for (const d of decisions) {
    if (d.decision === 'new') {
      added.push({ stepTypeId: d.stepTypeId!, text: d.text ?? '', dueOn: d.dueOn ?? null, note: d.note ?? null });
      continue;
    }
    const task = tasks.find((t) => t.id === d.taskId)!;
    const step = task.stepLineageId ? byLineage.get(task.stepLineageId) : undefined;
    const status = d.decision === 'continue' && step?.status === 'in_progress' ? 'in_progress' : STATUS_BY_DECISION[d.decision];
    if (step)
      await tx
        .updateTable('plan_steps')
        .set((eb) => ({ status, status_note: d.note ?? null, updated_at: new Date(), version: eb('version', '+', 1) }))
        .where('id', '=', step.id)
        .execute();
    else if (d.decision === 'continue')
      added.push({
        stepTypeId: task.stepTypeId,
        text: task.text,
        dueOn: null,
        note: d.note ?? null,
        lineageId: task.stepLineageId ?? undefined,
      });
  }
  if (added.length === 0) return;
  const position = await tx
    .selectFrom('plan_goals')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('plan_version_id', '=', draftId)
    .executeTakeFirstOrThrow();
  const day = new Date(conference.starts_at).toISOString().slice(0, 10);
  const goal = await tx
    .insertInto('plan_goals')
    .values({
      network_id: ctx.networkId,
      plan_version_id: draftId,
      lineage_id: crypto.randomUUID(),
      position: Number(position.n),
      title: `Fallbesprechung ${day}`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('plan_steps')
    .values(
      added.map((a, i) => ({
        network_id: ctx.networkId,
        plan_version_id: draftId,
        goal_id: goal.id,
        lineage_id: a.lineageId && !byLineage.has(a.lineageId) ? a.lineageId : crypto.randomUUID(),
        position: i,
        step_type_id: a.stepTypeId,
        text: a.text,
        responsible_organisation_id: conference.partner_organisation_id,
        due_on: a.dueOn,
        status_note: a.note,
      })),
    )
    .execute();
}

async function closeCase(tx: Tx, ctx: ServiceContext, conference: Row, input: ConferenceCloseInput) {
  const status = input.exitReason?.startsWith('placed_') ? 'placed' : 'closed';
  await tx
    .updateTable('cases')
    .set((eb) => ({
      status,
      exit_reason: input.exitReason!,
      exit_date: input.exitDate!,
      updated_at: new Date(),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', conference.case_id)
    .execute();
  await endCaseWork(tx, ctx, conference.case_id, conference.participant_id, conference.id);
  await recordAudit(tx, ctx, {
    action: 'case.update',
    entityType: 'case',
    entityId: conference.case_id,
    details: { status, exitReason: input.exitReason, conferenceId: conference.id },
  });
  await recordCaseEvent(tx, ctx, {
    participantId: conference.participant_id,
    caseId: conference.case_id,
    kind: 'case.updated',
    data: { status, exitReason: input.exitReason },
  });
}

/**
 * What ends with a case, however it ends (a conference, a placement): running cycles as
 * completed, what was never answered as revoked, planned appointments as cancelled (but
 * the one being held, if any).
 */
export async function endCaseWork(tx: Tx, ctx: ServiceContext, caseId: string, participantId: string, keepAppointmentId?: string) {
  // Running cycles end as completed; what was never answered ends as revoked, with the reason.
  await tx
    .updateTable('referrals')
    .set((eb) => ({ state: 'completed', completed_at: new Date(), updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('case_id', '=', caseId)
    .where('state', '=', 'accepted')
    .execute();
  await tx
    .updateTable('referrals')
    .set((eb) => ({
      state: 'revoked',
      revoked_at: new Date(),
      revoked_by: ctx.actor.userId,
      revoke_reason: 'Fall abgeschlossen',
      updated_at: new Date(),
      version: eb('version', '+', 1),
    }))
    .where('case_id', '=', caseId)
    .where('state', 'in', ['sent', 'draft'])
    .execute();
  await tx
    .updateTable('appointments')
    .set((eb) => ({ state: 'cancelled', updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('participant_id', '=', participantId)
    .where('state', '=', 'planned')
    .where('id', '!=', keepAppointmentId ?? '00000000-0000-0000-0000-000000000000')
    .execute();
}
