import type { Db, Tx } from '../../db/database.ts';
import { Conflict, Invalid, NotFound } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { requireMay } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireParticipant } from '../participants/participants.service.ts';
import { draftNextReferral } from '../referrals/referrals.service.ts';
import { recordCaseEvent } from '../timeline/timeline.service.ts';
import { diffPlans } from './plan-diff.ts';
import { renderPlanPdf, type PlanPdfLanguage } from './plan-pdf.ts';
import { applyStepStatus } from './step-status.ts';
import * as q from './plans.queries.ts';
import {
  DEFAULT_STEP_TYPES,
  type PlanDiff,
  type PlanDraftInput,
  type PlanFinaliseInput,
  type PlanOverview,
  type PlanVersionView,
  type StepStatusInput,
  type StepTypeCreateInput,
  type StepTypeView,
  type StepView,
} from './plans.schemas.ts';

// The support plan of a participant's current case. The case manager edits a draft,
// discusses it with the participant and finalises it; the finalised version is the
// current plan until the next one replaces it. Earlier versions stay as they were,
// except that the steps of the current plan record their progress.

export async function insertDefaultStepTypes(tx: Tx, networkId: string): Promise<void> {
  await tx
    .insertInto('step_types')
    .values(DEFAULT_STEP_TYPES.map(([key, labels]) => ({ network_id: networkId, key, labels: JSON.stringify(labels) })))
    .onConflict((oc) => oc.columns(['network_id', 'key']).doNothing())
    .execute();
}

export async function listStepTypes(db: Db, ctx: ServiceContext): Promise<StepTypeView[]> {
  requireMay(ctx.actor, 'list', { type: 'catalogue' });
  const rows = await db.selectFrom('step_types').selectAll().where('network_id', '=', ctx.networkId).orderBy('created_at').execute();
  return rows.map((r) => ({ id: r.id, key: r.key, labels: r.labels as StepTypeView['labels'], active: r.active }));
}

export async function createStepType(db: Db, ctx: ServiceContext, input: StepTypeCreateInput): Promise<StepTypeView> {
  requireMay(ctx.actor, 'create', { type: 'catalogue' });
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('step_types')
      .values({ network_id: ctx.networkId, key: input.key, labels: JSON.stringify(input.labels) })
      .onConflict((oc) => oc.columns(['network_id', 'key']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new Invalid('A step type with this key exists', { key: ['A step type with this key exists'] });
    await recordAudit(tx, ctx, { action: 'catalogue.update', entityType: 'step_type', entityId: row.id, details: { key: input.key } });
    return { id: row.id, key: row.key, labels: row.labels as StepTypeView['labels'], active: row.active };
  });
}

/** The participant's current case, which every plan belongs to; 400 when there is none. */
async function currentCaseOf(db: Db | Tx, ctx: ServiceContext, participantId: string, action: 'read' | 'update') {
  const person = await requireParticipant(db, ctx, participantId, action);
  if (!person.current_case_id) throw new Invalid('The participant has no case');
  return { person, caseId: person.current_case_id };
}

/** A plan version the actor may work on, with its participant checked. */
async function requireVersion(db: Db | Tx, ctx: ServiceContext, versionId: string, action: 'read' | 'update') {
  const row = await q.findVersionRow(db, ctx.networkId, versionId, action === 'update');
  if (!row) throw new NotFound('Plan version');
  const person = await requireParticipant(db, ctx, row.participant_id, action);
  return { row, person };
}

export async function getPlan(db: Db, ctx: ServiceContext, participantId: string): Promise<PlanOverview> {
  const { caseId } = await currentCaseOf(db, ctx, participantId, 'read');
  const rows = await q.listVersionRows(db, ctx.networkId, caseId);
  const current = rows.find((r) => r.state === 'current');
  const draft = rows.find((r) => r.state === 'draft');
  await db
    .transaction()
    .execute((tx) =>
      recordAudit(tx, ctx, { action: 'plan.read', entityType: 'participant', entityId: participantId, details: { caseId } }),
    );
  return {
    current: current ? { ...q.toSummary(current), goals: await q.loadGoals(db, current.id) } : null,
    draft: draft ? { ...q.toSummary(draft), goals: await q.loadGoals(db, draft.id) } : null,
    versions: rows.map(q.toSummary),
  };
}

export async function getPlanVersion(db: Db, ctx: ServiceContext, versionId: string): Promise<PlanVersionView> {
  const { row } = await requireVersion(db, ctx, versionId, 'read');
  await db.transaction().execute((tx) =>
    recordAudit(tx, ctx, {
      action: 'plan.read',
      entityType: 'plan_version',
      entityId: versionId,
      details: { participantId: row.participant_id },
    }),
  );
  return { ...q.toSummary(row), goals: await q.loadGoals(db, versionId) };
}

/**
 * Opens the draft of the next version: a copy of the current plan (same lineage ids,
 * so the diff pairs the steps), or an empty plan for the first one. Returns the
 * existing draft when there is one.
 */
export async function startDraft(db: Db, ctx: ServiceContext, participantId: string): Promise<PlanVersionView> {
  const versionId = await db.transaction().execute(async (tx) => {
    const { caseId } = await currentCaseOf(tx, ctx, participantId, 'update');
    return openDraft(tx, ctx, participantId, caseId, null);
  });
  return (await q.loadVersion(db, ctx.networkId, versionId))!;
}

/** The draft's id, creating it from the current version when there is none. */
export async function openDraft(tx: Tx, ctx: ServiceContext, participantId: string, caseId: string, conferenceId: string | null) {
  // One draft per case: holding the case row makes a second opener wait and find this one.
  await tx.selectFrom('cases').select('id').where('id', '=', caseId).forUpdate().execute();
  const rows = await q.listVersionRows(tx, ctx.networkId, caseId);
  const existing = rows.find((r) => r.state === 'draft');
  if (existing) return existing.id;
  const current = rows.find((r) => r.state === 'current');
  const draft = await tx
    .insertInto('plan_versions')
    .values({
      network_id: ctx.networkId,
      participant_id: participantId,
      case_id: caseId,
      number: (rows[0]?.number ?? 0) + 1,
      state: 'draft',
      conference_id: conferenceId,
      created_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (current) await q.insertGoals(tx, ctx.networkId, draft.id, await q.loadGoals(tx, current.id));
  await recordAudit(tx, ctx, { action: 'plan.create', entityType: 'plan_version', entityId: draft.id, details: { participantId, caseId } });
  return draft.id;
}

/** Step types and responsible organisations must be the network's own. */
async function checkReferences(tx: Tx, ctx: ServiceContext, goals: PlanDraftInput['goals']): Promise<void> {
  const steps = goals.flatMap((g) => g.steps);
  const typeIds = [...new Set(steps.map((s) => s.stepTypeId))];
  const orgIds = [...new Set(steps.map((s) => s.responsibleOrganisationId))];
  const fields: Record<string, string[]> = {};
  if (typeIds.length > 0) {
    const found = await tx
      .selectFrom('step_types')
      .select('id')
      .where('network_id', '=', ctx.networkId)
      .where('id', 'in', typeIds)
      .execute();
    if (found.length !== typeIds.length) fields.stepTypeId = ['Unknown step type'];
  }
  if (orgIds.length > 0) {
    const found = await tx
      .selectFrom('organisations')
      .select('id')
      .where('network_id', '=', ctx.networkId)
      .where('kind', 'in', ['case_management_office', 'partner'])
      .where('id', 'in', orgIds)
      .execute();
    if (found.length !== orgIds.length) fields.responsibleOrganisationId = ['Choose the case management office or a partner organisation'];
  }
  const lineages = [...goals.map((g) => g.lineageId), ...steps.map((s) => s.lineageId)].filter(Boolean);
  if (new Set(lineages).size !== lineages.length) fields.lineageId = ['A goal or step appears twice'];
  if (Object.keys(fields).length > 0) throw new Invalid('The plan refers to something unknown', fields);
}

export async function saveDraft(db: Db, ctx: ServiceContext, versionId: string, input: PlanDraftInput): Promise<PlanVersionView> {
  await db.transaction().execute(async (tx) => {
    const { row, person } = await requireVersion(tx, ctx, versionId, 'update');
    if (row.state !== 'draft') throw new Conflict('Only a draft can be edited; start a new version');
    if (row.version !== input.version)
      throw new Conflict('The plan was changed by someone else', await q.loadVersion(tx, ctx.networkId, versionId));
    await checkReferences(tx, ctx, input.goals);
    await tx.deleteFrom('plan_goals').where('plan_version_id', '=', versionId).execute();
    await q.insertGoals(tx, ctx.networkId, versionId, input.goals);
    await tx
      .updateTable('plan_versions')
      .set((eb) => ({ updated_at: new Date(), version: eb('version', '+', 1) }))
      .where('id', '=', versionId)
      .execute();
    await recordAudit(tx, ctx, {
      action: 'plan.update',
      entityType: 'plan_version',
      entityId: versionId,
      details: { participantId: person.id, goals: input.goals.length, steps: input.goals.flatMap((g) => g.steps).length },
    });
  });
  return (await q.loadVersion(db, ctx.networkId, versionId))!;
}

/** The draft becomes the current plan; the one before is superseded. */
export async function finalisePlan(db: Db, ctx: ServiceContext, versionId: string, input: PlanFinaliseInput): Promise<PlanVersionView> {
  await db.transaction().execute(async (tx) => {
    const { row, person } = await requireVersion(tx, ctx, versionId, 'update');
    if (row.state !== 'draft') throw new Conflict('This version is final already');
    if (row.version !== input.version)
      throw new Conflict('The plan was changed by someone else', await q.loadVersion(tx, ctx.networkId, versionId));
    const steps = await tx.selectFrom('plan_steps').select('id').where('plan_version_id', '=', versionId).limit(1).execute();
    if (steps.length === 0) throw new Invalid('A plan needs at least one step', { goals: ['A plan needs at least one step'] });
    await tx
      .updateTable('plan_versions')
      .set((eb) => ({ state: 'superseded', updated_at: new Date(), version: eb('version', '+', 1) }))
      .where('case_id', '=', row.case_id)
      .where('state', '=', 'current')
      .execute();
    await tx
      .updateTable('plan_versions')
      .set((eb) => ({
        state: 'current',
        discussed_on: input.discussedOn,
        attendees: input.attendees,
        finalised_by: ctx.actor.userId,
        finalised_at: new Date(),
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', versionId)
      .execute();
    // Every conference that decided on a next cycle and has no follow-up yet (one per partner).
    const conferences = await tx
      .selectFrom('appointments')
      .innerJoin('referrals', 'referrals.id', 'appointments.referral_id')
      .select('appointments.id')
      .where('referrals.case_id', '=', row.case_id)
      .where('appointments.kind', '=', 'case_conference')
      .where('appointments.outcome', '=', 'next_cycle')
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('referrals as next').select('next.id').whereRef('next.previous_referral_id', '=', 'referrals.id'))),
      )
      .execute();
    const nextReferralIds = [];
    for (const conference of conferences) nextReferralIds.push(await draftNextReferral(tx, ctx, conference.id, versionId));
    await recordAudit(tx, ctx, {
      action: 'plan.finalise',
      entityType: 'plan_version',
      entityId: versionId,
      details: { participantId: person.id, nextReferralIds: nextReferralIds.filter(Boolean) },
    });
    await recordCaseEvent(tx, ctx, {
      participantId: person.id,
      caseId: row.case_id,
      kind: 'plan.finalised',
      data: { number: row.number, discussedOn: input.discussedOn },
    });
  });
  return (await q.loadVersion(db, ctx.networkId, versionId))!;
}

/** Progress on a step of the current plan (a draft is edited as a whole instead). */
export async function updateStepStatus(db: Db, ctx: ServiceContext, stepId: string, input: StepStatusInput): Promise<StepView> {
  const versionId = await db.transaction().execute(async (tx) => {
    const step = await tx
      .selectFrom('plan_steps')
      .selectAll()
      .where('id', '=', stepId)
      .where('network_id', '=', ctx.networkId)
      .forUpdate()
      .executeTakeFirst();
    if (!step) throw new NotFound('Step');
    const { row, person } = await requireVersion(tx, ctx, step.plan_version_id, 'update');
    if (row.state !== 'current') throw new Conflict('Only the steps of the current plan record progress');
    const goals = await q.loadGoals(tx, row.id);
    if (step.version !== input.version)
      throw new Conflict(
        'The step was changed by someone else',
        goals.flatMap((g) => g.steps).find((s) => s.id === stepId),
      );
    await applyStepStatus(
      tx,
      ctx,
      { id: stepId, status: step.status, participantId: person.id, caseId: row.case_id },
      input.status,
      input.statusNote ?? null,
    );
    return row.id;
  });
  const goals = await q.loadGoals(db, versionId);
  return goals.flatMap((g) => g.steps).find((s) => s.id === stepId)!;
}

export async function diffVersions(db: Db, ctx: ServiceContext, fromId: string, toId: string): Promise<PlanDiff> {
  const from = await q.loadVersion(db, ctx.networkId, fromId);
  const to = await q.loadVersion(db, ctx.networkId, toId);
  if (!from || !to) throw new NotFound('Plan version');
  await requireParticipant(db, ctx, from.participantId, 'read');
  await requireParticipant(db, ctx, to.participantId, 'read');
  if (from.caseId !== to.caseId) throw new Invalid('Both versions must belong to one case');
  await db.transaction().execute((tx) =>
    recordAudit(tx, ctx, {
      action: 'plan.read',
      entityType: 'plan_version',
      entityId: toId,
      details: { participantId: from.participantId, diffFrom: fromId },
    }),
  );
  const { goals: _fromGoals, ...fromSummary } = from;
  const { goals: _toGoals, ...toSummary } = to;
  return { from: fromSummary, to: toSummary, goals: diffPlans(from, to) };
}

/** The plan version as a PDF for signature, in German or the participant's language; audited as a print. */
export async function printPlan(db: Db, ctx: ServiceContext, versionId: string, language: PlanPdfLanguage): Promise<Uint8Array> {
  const { row, person } = await requireVersion(db, ctx, versionId, 'read');
  const goals = await q.loadGoals(db, versionId);
  const context = await db
    .selectFrom('networks')
    .innerJoin('organisations', (join) => join.on('organisations.id', '=', person.office_id))
    .leftJoin('cases', (join) => join.on('cases.id', '=', row.case_id))
    .leftJoin('users', 'users.id', 'cases.case_manager_id')
    .select(['networks.name as network_name', 'organisations.name as office_name', 'users.display_name as case_manager_name'])
    .where('networks.id', '=', ctx.networkId)
    .executeTakeFirstOrThrow();
  const pdf = await renderPlanPdf({
    language,
    networkName: context.network_name,
    officeName: context.office_name,
    participant: { givenNames: person.given_names, familyName: person.family_name, birthDate: person.birth_date },
    caseManagerName: context.case_manager_name,
    number: row.number,
    state: row.state,
    discussedOn: row.discussed_on,
    attendees: row.attendees,
    goals: goals.map((g) => ({
      title: g.title,
      steps: g.steps.map((s) => ({
        typeLabel: s.stepTypeLabels[language] || s.stepTypeLabels.de,
        text: s.text,
        responsibleOrganisationName: s.responsibleOrganisationName,
        dueOn: s.dueOn,
        status: s.status,
      })),
    })),
  });
  await db.transaction().execute((tx) =>
    recordAudit(tx, ctx, {
      action: 'plan.print',
      entityType: 'plan_version',
      entityId: versionId,
      details: { participantId: person.id, language },
    }),
  );
  return pdf;
}
