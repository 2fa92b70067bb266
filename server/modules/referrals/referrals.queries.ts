import type { Db, Tx } from '../../db/database.ts';
import type { TaskInput, TaskView } from './referrals.schemas.ts';

export async function loadTasks(db: Db | Tx, referralId: string): Promise<TaskView[]> {
  const rows = await db
    .selectFrom('referral_tasks')
    .innerJoin('step_types', 'step_types.id', 'referral_tasks.step_type_id')
    .selectAll('referral_tasks')
    .select(['step_types.key as type_key', 'step_types.labels as type_labels'])
    .where('referral_tasks.referral_id', '=', referralId)
    .orderBy('referral_tasks.position')
    .execute();
  return rows.map((t) => ({
    id: t.id,
    stepLineageId: t.step_lineage_id,
    stepTypeId: t.step_type_id,
    stepTypeKey: t.type_key,
    stepTypeLabels: t.type_labels as TaskView['stepTypeLabels'],
    text: t.text,
    dueOn: t.due_on,
    status: t.status,
    progressNote: t.progress_note,
    updatedAt: new Date(t.updated_at).toISOString(),
    version: t.version,
  }));
}

export async function loadNotes(db: Db | Tx, referralId: string) {
  const rows = await db
    .selectFrom('referral_notes')
    .leftJoin('users', 'users.id', 'referral_notes.author_id')
    .select(['referral_notes.id', 'referral_notes.text', 'referral_notes.created_at', 'users.display_name'])
    .where('referral_notes.referral_id', '=', referralId)
    .orderBy('referral_notes.created_at')
    .execute();
  return rows.map((n) => ({ id: n.id, authorName: n.display_name, text: n.text, createdAt: new Date(n.created_at).toISOString() }));
}

export async function insertTasks(tx: Tx, networkId: string, referralId: string, tasks: TaskInput[]): Promise<void> {
  if (tasks.length === 0) return;
  await tx
    .insertInto('referral_tasks')
    .values(
      tasks.map((t, position) => ({
        network_id: networkId,
        referral_id: referralId,
        step_lineage_id: t.stepLineageId ?? null,
        position,
        step_type_id: t.stepTypeId,
        text: t.text,
        due_on: t.dueOn ?? null,
      })),
    )
    .execute();
}

/** The steps of the case's current plan version, by lineage id. */
export async function currentPlanSteps(db: Db | Tx, caseId: string) {
  return db
    .selectFrom('plan_steps')
    .innerJoin('plan_versions', 'plan_versions.id', 'plan_steps.plan_version_id')
    .select(['plan_steps.id', 'plan_steps.lineage_id', 'plan_steps.status', 'plan_steps.responsible_organisation_id'])
    .where('plan_versions.case_id', '=', caseId)
    .where('plan_versions.state', '=', 'current')
    .execute();
}

/** The active users who are caseworkers of a partner organisation. */
export function partnerCaseworkers(db: Db | Tx, organisationId: string) {
  return db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.user_id', 'users.id')
    .select(['users.id', 'users.display_name as displayName'])
    .where('memberships.organisation_id', '=', organisationId)
    .where('memberships.role', '=', 'partner_caseworker')
    .where('users.status', '=', 'active');
}
