import type { Db } from '../../db/database.ts';
import { Conflict, NotFound } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { recordCaseEvent } from '../timeline/timeline.service.ts';
import { requireReferral } from './referrals.access.ts';
import * as q from './referrals.queries.ts';
import { reload } from './referrals.service.ts';
import type { TaskProgressInput, TaskView } from './referrals.schemas.ts';

// Work on a running referral: progress per task (the plan step follows) and notes.

/**
 * Progress on a task, by the live caseworker or the office. A task taken from the plan
 * carries its status to that step of the current plan, so both sides see one state.
 */
export async function updateTaskProgress(db: Db, ctx: ServiceContext, taskId: string, input: TaskProgressInput): Promise<TaskView> {
  const referralId = await db.transaction().execute(async (tx) => {
    const task = await tx
      .selectFrom('referral_tasks')
      .selectAll()
      .where('id', '=', taskId)
      .where('network_id', '=', ctx.networkId)
      .forUpdate()
      .executeTakeFirst();
    if (!task) throw new NotFound('Task');
    const loaded = await requireReferral(tx, ctx, task.referral_id, 'update');
    const { row } = loaded;
    if (!['accepted', 'sent'].includes(row.state)) throw new Conflict('The referral is not running');
    if (task.version !== input.version)
      throw new Conflict(
        'The task was changed by someone else',
        (await q.loadTasks(tx, row.id)).find((t) => t.id === taskId),
      );
    await tx
      .updateTable('referral_tasks')
      .set((eb) => ({
        status: input.status,
        progress_note: input.progressNote ?? null,
        updated_by: ctx.actor.userId,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', taskId)
      .execute();
    if (task.step_lineage_id) {
      const step = (await q.currentPlanSteps(tx, row.case_id)).find((s) => s.lineage_id === task.step_lineage_id);
      if (step)
        await tx
          .updateTable('plan_steps')
          .set((eb) => ({ status: input.status, updated_at: new Date(), version: eb('version', '+', 1) }))
          .where('id', '=', step.id)
          .execute();
    }
    await recordAudit(tx, ctx, {
      action: 'referral.task_update',
      entityType: 'referral_task',
      entityId: taskId,
      details: { referralId: row.id, participantId: row.participant_id, status: input.status },
    });
    if (task.status !== input.status)
      await recordCaseEvent(tx, ctx, {
        participantId: row.participant_id,
        caseId: row.case_id,
        kind: 'referral.task_updated',
        data: { referralId: row.id, taskId, from: task.status, to: input.status },
      });
    return row.id;
  });
  return (await q.loadTasks(db, referralId)).find((t) => t.id === taskId)!;
}

export async function addNote(db: Db, ctx: ServiceContext, id: string, text: string) {
  await db.transaction().execute(async (tx) => {
    const loaded = await requireReferral(tx, ctx, id, 'update');
    if (!['accepted', 'sent'].includes(loaded.row.state)) throw new Conflict('The referral is not running');
    const note = await tx
      .insertInto('referral_notes')
      .values({ network_id: ctx.networkId, referral_id: id, author_id: ctx.actor.userId, text })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'referral.note',
      entityType: 'referral_note',
      entityId: note.id,
      details: { referralId: id, participantId: loaded.row.participant_id },
    });
  });
  return reload(db, ctx, id);
}
