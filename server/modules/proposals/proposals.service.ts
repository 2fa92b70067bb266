import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import { today } from '../../dates.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { employerScope, isJobsStaff, may, requireMay, type Resource } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { consentedCategories } from '../consents/consents.queries.ts';
import { addStepToDraft } from '../plans/plan-jobs.ts';
import { recordCaseEvent } from '../timeline/timeline.service.ts';
import * as q from './proposals.queries.ts';
import {
  FINAL_STAGES,
  NEXT_STAGES,
  type ProposalCreateInput,
  type ProposalListQuery,
  type ProposalStage,
  type ProposalStageInput,
  type ProposalView,
} from './proposals.schemas.ts';

// Proposals of candidates to employers: made only with a valid consent to that employer and
// never for someone whose residence document forbids the work; moved through their stages
// by either side. A hire fills the vacancy once all its places are taken.

type ProposalResource = Extract<Resource, { type: 'proposal' }>;

async function resourceOf(db: Db | Tx, ctx: ServiceContext, row: { office_id: string; employer_id: string; participant_id: string }) {
  const referral = await q.liveReferralOf(db, ctx.actor, row.participant_id);
  const resource: ProposalResource = {
    type: 'proposal',
    officeId: row.office_id,
    employerId: row.employer_id,
    referral: referral
      ? { partnerOrganisationId: referral.partner_organisation_id, caseworkerId: referral.caseworker_id, live: true }
      : null,
  };
  return { resource, referralId: referral?.id ?? null };
}

/** The proposal if the actor may see it (404 otherwise), with the policy's facts. */
export async function requireProposal(db: Db | Tx, ctx: ServiceContext, id: string, lock = false) {
  let query = q.proposalRows(db, ctx.networkId).where('proposals.id', '=', id);
  if (lock) query = query.forUpdate('proposals');
  const row = await query.executeTakeFirst();
  if (!row) throw new NotFound('Proposal');
  const { resource } = await resourceOf(db, ctx, row);
  if (!may(ctx.actor, 'read', resource)) throw new NotFound('Proposal');
  return { row, resource };
}

const officeView = (ctx: ServiceContext, officeId: string) => may(ctx.actor, 'read', { type: 'participant', officeId });

/** Seen as the employer: the staff's notes stay with the staff. */
const seenByEmployer = (ctx: ServiceContext, employerId: string) =>
  !isJobsStaff(ctx.actor) && employerScope(ctx.actor).includes(employerId);

async function toViews(db: Db | Tx, ctx: ServiceContext, rows: q.ProposalRow[]): Promise<ProposalView[]> {
  const history = await q.stageHistory(
    db,
    rows.map((r) => r.id),
  );
  const views: ProposalView[] = [];
  for (const r of rows) {
    const employerView = seenByEmployer(ctx, r.employer_id);
    // The employer learns of a permission to request only if residence is shared with them.
    const residenceShared = employerView && (await consentedCategories(db, r.participant_id, r.employer_id)).has('residence');
    views.push({
      id: r.id,
      vacancyId: r.vacancy_id,
      vacancyTitle: r.vacancy_title,
      employerId: r.employer_id,
      employerName: r.employer_name,
      participantId: r.participant_id,
      candidateName: `${r.preferred_name || r.given_names} ${r.family_name}`,
      stage: r.stage,
      stageOn: r.stage_on,
      // Residence facts: the office sees them; the employer only with residence shared; a partner's caseworker not here.
      flags: (officeView(ctx, r.office_id)
        ? r.flags
        : r.flags.filter((f) => employerView && f === 'permission_required' && residenceShared)) as ProposalView['flags'],
      note: employerView ? null : r.note,
      history: history
        .filter((h) => h.proposal_id === r.id)
        .map((h) => ({
          stage: h.stage,
          on: h.stage_on,
          note: employerView && h.moved_by_role !== 'employer_contact' ? null : h.note,
          byName: h.display_name,
        })),
      proposedByName: r.proposed_by_name,
      createdAt: new Date(r.created_at).toISOString(),
      version: r.version,
    });
  }
  return views;
}

export async function createProposal(db: Db, ctx: ServiceContext, input: ProposalCreateInput): Promise<ProposalView> {
  const id = await db.transaction().execute(async (tx) => {
    const person = await tx
      .selectFrom('participants')
      .leftJoin('residence_statuses as r', 'r.id', 'participants.current_residence_id')
      .leftJoin('employability_checks as e', 'e.participant_id', 'participants.id')
      .select(['participants.id', 'participants.office_id', 'participants.current_case_id', 'r.work_clause', 'e.result as employability'])
      .where('participants.id', '=', input.participantId)
      .where('participants.network_id', '=', ctx.networkId)
      .where('participants.merged_into', 'is', null)
      .executeTakeFirst();
    const vacancy = await tx
      .selectFrom('vacancies')
      .innerJoin('organisations', 'organisations.id', 'vacancies.employer_id')
      .select(['vacancies.id', 'vacancies.employer_id', 'vacancies.status', 'vacancies.title', 'organisations.name as employer_name'])
      .where('vacancies.id', '=', input.vacancyId)
      .where('vacancies.network_id', '=', ctx.networkId)
      .forUpdate('vacancies')
      .executeTakeFirst();
    // One answer for either: a proposal must not tell whether a person's id exists.
    if (!person || !vacancy) throw new NotFound('Participant or vacancy');
    const { resource, referralId } = await resourceOf(tx, ctx, { ...person, participant_id: person.id, employer_id: vacancy.employer_id });
    if (!may(ctx.actor, 'create', resource)) throw new NotFound('Participant');

    const fields: Record<string, string[]> = {};
    if (vacancy.status !== 'open') fields.vacancyId = ['The vacancy is not open'];
    // Only the office learns which rule it was, each under a field of its own that the web can
    // tell apart; a partner gets one answer for either: the clause and the check are not theirs.
    const office = officeView(ctx, person.office_id);
    const rule =
      person.work_clause === 'not_permitted'
        ? { field: 'workClause', message: 'The residence document does not permit this work' }
        : person.employability === 'not_fit_for_now'
          ? { field: 'employability', message: 'Cannot be proposed while the employability check says not fit for now' }
          : null;
    if (rule && office) fields[rule.field] = [rule.message];
    else if (rule) fields.participantId = ['Cannot be proposed; ask the case manager'];
    if ((await consentedCategories(tx, person.id, vacancy.employer_id)).size === 0)
      fields.consent = ['No valid consent to share data with this employer'];
    if (Object.keys(fields).length) throw new Invalid('The candidate cannot be proposed', fields);

    const flags = person.work_clause === 'permission_required' ? ['permission_required'] : person.work_clause ? [] : ['residence_unknown'];
    const on = today();
    const created = await tx
      .insertInto('proposals')
      .values({
        network_id: ctx.networkId,
        vacancy_id: vacancy.id,
        employer_id: vacancy.employer_id,
        participant_id: person.id,
        office_id: person.office_id,
        referral_id: referralId,
        stage_on: on,
        note: input.note ?? null,
        flags,
        proposed_by: ctx.actor.userId,
      })
      .onConflict((oc) =>
        // Names the partial unique index proposals_one_running by its predicate.
        oc
          .columns(['vacancy_id', 'participant_id'])
          .where(sql<boolean>`stage NOT IN ('rejected', 'withdrawn')`)
          .doNothing(),
      )
      .returning('id')
      .executeTakeFirst();
    if (!created) throw new Conflict('This candidate is already proposed for this vacancy');
    await insertStage(tx, ctx, created.id, 'proposed', on, null);
    if (flags.includes('permission_required') && person.current_case_id) {
      await addStepToDraft(tx, ctx, {
        participantId: person.id,
        caseId: person.current_case_id,
        officeId: person.office_id,
        stepTypeKey: 'work_permission',
        text: `Beschäftigungserlaubnis für „${vacancy.title}“ (${vacancy.employer_name}) bei der Ausländerbehörde beantragen`,
      });
    }
    await recordAudit(tx, ctx, {
      action: 'proposal.create',
      entityType: 'proposal',
      entityId: created.id,
      details: { participantId: person.id, vacancyId: vacancy.id, employerId: vacancy.employer_id },
    });
    await recordCaseEvent(tx, ctx, {
      participantId: person.id,
      caseId: person.current_case_id,
      kind: 'proposal.created',
      data: { proposalId: created.id, vacancyId: vacancy.id, employerId: vacancy.employer_id },
    });
    return created.id;
  });
  return getProposal(db, ctx, id, false);
}

async function insertStage(tx: Tx, ctx: ServiceContext, proposalId: string, stage: ProposalStage, on: string, note: string | null) {
  const role = ctx.actor.memberships.find((m) => m.role === 'employer_contact') && !isJobsStaff(ctx.actor) ? 'employer_contact' : 'staff';
  await tx
    .insertInto('proposal_stages')
    .values({
      network_id: ctx.networkId,
      proposal_id: proposalId,
      stage,
      stage_on: on,
      note,
      moved_by: ctx.actor.userId,
      moved_by_role: role,
    })
    .execute();
}

export async function listProposals(db: Db, ctx: ServiceContext, query: ProposalListQuery): Promise<ProposalView[]> {
  if (!isJobsStaff(ctx.actor) && employerScope(ctx.actor).length === 0) throw new Forbidden();
  let rows = q.proposalRows(db, ctx.networkId).where(q.visibleTo(ctx.actor));
  if (query.vacancyId) rows = rows.where('proposals.vacancy_id', '=', query.vacancyId);
  if (query.participantId) rows = rows.where('proposals.participant_id', '=', query.participantId);
  if (query.employerId) rows = rows.where('proposals.employer_id', '=', query.employerId);
  if (query.stage) rows = rows.where('proposals.stage', '=', query.stage);
  if (query.running === 'true') rows = rows.where('proposals.stage', 'not in', [...FINAL_STAGES]);
  const found = await rows.orderBy('proposals.updated_at', 'desc').limit(500).execute();
  const views = await toViews(db, ctx, found);
  await db.transaction().execute((tx) =>
    recordAudit(tx, ctx, {
      action: 'proposal.list',
      entityType: 'proposal',
      details: { ids: views.map((v) => v.id), participantIds: [...new Set(views.map((v) => v.participantId))] },
    }),
  );
  return views;
}

export async function getProposal(db: Db, ctx: ServiceContext, id: string, audit = true): Promise<ProposalView> {
  const { row } = await requireProposal(db, ctx, id);
  if (audit)
    await db.transaction().execute((tx) =>
      recordAudit(tx, ctx, {
        action: 'proposal.read',
        entityType: 'proposal',
        entityId: id,
        details: { participantId: row.participant_id },
      }),
    );
  return (await toViews(db, ctx, [row]))[0]!;
}

export async function moveStage(db: Db, ctx: ServiceContext, id: string, input: ProposalStageInput): Promise<ProposalView> {
  await db.transaction().execute(async (tx) => {
    const { row, resource } = await requireProposal(tx, ctx, id, true);
    requireMay(ctx.actor, 'update', resource);
    if (row.version !== input.version) throw new Conflict('The proposal was moved by someone else', (await toViews(tx, ctx, [row]))[0]);
    if (input.stage === 'withdrawn' && seenByEmployer(ctx, row.employer_id))
      throw new Invalid('Only the network withdraws a candidate; reject instead', { stage: ['Not allowed'] });
    await applyStage(tx, ctx, row, input.stage, input.on ?? today(), input.note ?? null);
  });
  return getProposal(db, ctx, id, false);
}

/** Moves a proposal on (the caller holds its row); a hire that takes the last place fills the vacancy. */
export async function applyStage(tx: Tx, ctx: ServiceContext, row: q.ProposalRow, stage: ProposalStage, on: string, note: string | null) {
  if (!NEXT_STAGES[row.stage].includes(stage))
    throw new Invalid(`A proposal cannot go from ${row.stage} to ${stage}`, { stage: [`Not allowed after ${row.stage}`] });
  // The vacancy's row orders concurrent hires: the last place goes once.
  const vacancy = await tx
    .selectFrom('vacancies')
    .select(['places', 'status'])
    .where('id', '=', row.vacancy_id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const hiredSoFar = async () =>
    Number(
      (
        await tx
          .selectFrom('proposals')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('vacancy_id', '=', row.vacancy_id)
          .where('stage', '=', 'hired')
          .executeTakeFirstOrThrow()
      ).n,
    );
  if (stage === 'hired' && (await hiredSoFar()) >= vacancy.places) throw new Conflict('Every place of this vacancy is taken');
  await tx
    .updateTable('proposals')
    .set((eb) => ({ stage, stage_on: on, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', row.id)
    .execute();
  await insertStage(tx, ctx, row.id, stage, on, note);
  if (stage === 'hired') {
    if (vacancy.status === 'open' && (await hiredSoFar()) >= vacancy.places)
      await tx
        .updateTable('vacancies')
        .set((eb) => ({ status: 'filled', updated_at: new Date(), version: eb('version', '+', 1) }))
        .where('id', '=', row.vacancy_id)
        .execute();
  }
  await recordAudit(tx, ctx, {
    action: 'proposal.stage',
    entityType: 'proposal',
    entityId: row.id,
    details: { participantId: row.participant_id, from: row.stage, to: stage },
  });
  await recordCaseEvent(tx, ctx, {
    participantId: row.participant_id,
    caseId: row.current_case_id,
    kind: 'proposal.stage',
    data: { proposalId: row.id, from: row.stage, to: stage, employerId: row.employer_id },
  });
}
