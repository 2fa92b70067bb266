import type { Db, Tx } from '../../db/database.ts';
import type { GoalView, PlanVersionSummary, PlanVersionView, StepView } from './plans.schemas.ts';

// Reading plan versions with their goals and steps: one query per table, assembled here.

/** A version row; `lock` holds it for the rest of the transaction (writers). */
export function findVersionRow(db: Db | Tx, networkId: string, id: string, lock = false) {
  const query = db
    .selectFrom('plan_versions')
    .leftJoin('users', 'users.id', 'plan_versions.finalised_by')
    .selectAll('plan_versions')
    .select('users.display_name as finalised_by_name')
    .where('plan_versions.network_id', '=', networkId)
    .where('plan_versions.id', '=', id);
  return (lock ? query.forUpdate('plan_versions') : query).executeTakeFirst();
}

type VersionRow = NonNullable<Awaited<ReturnType<typeof findVersionRow>>>;

export function toSummary(r: VersionRow): PlanVersionSummary {
  return {
    id: r.id,
    participantId: r.participant_id,
    caseId: r.case_id,
    number: r.number,
    state: r.state,
    discussedOn: r.discussed_on,
    attendees: r.attendees,
    finalisedAt: r.finalised_at ? new Date(r.finalised_at).toISOString() : null,
    finalisedByName: r.finalised_by_name,
    conferenceId: r.conference_id,
    createdAt: new Date(r.created_at).toISOString(),
    version: r.version,
  };
}

export async function loadGoals(db: Db | Tx, versionId: string): Promise<GoalView[]> {
  const goals = await db
    .selectFrom('plan_goals')
    .select(['id', 'lineage_id', 'title'])
    .where('plan_version_id', '=', versionId)
    .orderBy('position')
    .execute();
  const steps = await db
    .selectFrom('plan_steps')
    .innerJoin('step_types', 'step_types.id', 'plan_steps.step_type_id')
    .innerJoin('organisations', 'organisations.id', 'plan_steps.responsible_organisation_id')
    .selectAll('plan_steps')
    .select(['step_types.key as type_key', 'step_types.labels as type_labels', 'organisations.name as organisation_name'])
    .where('plan_steps.plan_version_id', '=', versionId)
    .orderBy('plan_steps.position')
    .execute();
  return goals.map((g) => ({
    id: g.id,
    lineageId: g.lineage_id,
    title: g.title,
    steps: steps
      .filter((s) => s.goal_id === g.id)
      .map((s): StepView => ({
        id: s.id,
        lineageId: s.lineage_id,
        stepTypeId: s.step_type_id,
        stepTypeKey: s.type_key,
        stepTypeLabels: s.type_labels as StepView['stepTypeLabels'],
        text: s.text,
        responsibleOrganisationId: s.responsible_organisation_id,
        responsibleOrganisationName: s.organisation_name,
        dueOn: s.due_on,
        status: s.status,
        statusNote: s.status_note,
        version: s.version,
      })),
  }));
}

export async function loadVersion(db: Db | Tx, networkId: string, id: string): Promise<PlanVersionView | null> {
  const row = await findVersionRow(db, networkId, id);
  if (!row) return null;
  return { ...toSummary(row), goals: await loadGoals(db, id) };
}

export function listVersionRows(db: Db | Tx, networkId: string, caseId: string) {
  return db
    .selectFrom('plan_versions')
    .leftJoin('users', 'users.id', 'plan_versions.finalised_by')
    .selectAll('plan_versions')
    .select('users.display_name as finalised_by_name')
    .where('plan_versions.network_id', '=', networkId)
    .where('plan_versions.case_id', '=', caseId)
    .orderBy('plan_versions.number', 'desc')
    .execute();
}

/** The goals and steps a draft is written with, as rows to insert. */
export async function insertGoals(
  tx: Tx,
  networkId: string,
  versionId: string,
  goals: {
    lineageId?: string;
    title: string;
    steps: {
      lineageId?: string;
      stepTypeId: string;
      text: string;
      responsibleOrganisationId: string;
      dueOn?: string | null;
      status: StepView['status'];
      statusNote?: string | null;
    }[];
  }[],
): Promise<void> {
  for (const [goalIndex, goal] of goals.entries()) {
    const { id: goalId } = await tx
      .insertInto('plan_goals')
      .values({
        network_id: networkId,
        plan_version_id: versionId,
        lineage_id: goal.lineageId ?? crypto.randomUUID(),
        position: goalIndex,
        title: goal.title,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (goal.steps.length === 0) continue;
    await tx
      .insertInto('plan_steps')
      .values(
        goal.steps.map((s, stepIndex) => ({
          network_id: networkId,
          plan_version_id: versionId,
          goal_id: goalId,
          lineage_id: s.lineageId ?? crypto.randomUUID(),
          position: stepIndex,
          step_type_id: s.stepTypeId,
          text: s.text,
          responsible_organisation_id: s.responsibleOrganisationId,
          due_on: s.dueOn ?? null,
          status: s.status,
          status_note: s.statusNote ?? null,
        })),
      )
      .execute();
  }
}
