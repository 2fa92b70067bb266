import type { Db, Tx } from '../../db/database.ts';
import { addDays, addMonths, today } from '../../dates.ts';
import { Conflict, Invalid, NotFound } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { requireMay, requireParticipantScope } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireParticipant } from '../participants/participants.service.ts';
import { endCaseWork } from '../appointments/conference.service.ts';
import { applyStage } from '../proposals/proposals.service.ts';
import { proposalRows } from '../proposals/proposals.queries.ts';
import { recordCaseEvent } from '../timeline/timeline.service.ts';
import * as q from './placements.queries.ts';
import type { DueFollowUp, FollowUpInput, FollowUpView, PlacementCreateInput, PlacementView } from './placements.schemas.ts';

// Placements: recording one into work or apprenticeship on the first labour market ends the
// case as placed; a marginal job or one outside the first labour market is recorded
// without ending it. Either way the follow-ups 28 days and six months after the start
// become due, and a running proposal that led to it becomes a hire.

const OPEN_CASE = ['invited', 'active', 'paused'];
export const closesCase = (p: { kind: string; firstLabourMarket: boolean }) => p.firstLabourMarket && p.kind !== 'marginal_employment';

export async function listPlacements(db: Db, ctx: ServiceContext, participantId: string): Promise<PlacementView[]> {
  const person = await requireParticipant(db, ctx, participantId, 'read');
  requireMay(ctx.actor, 'read', { type: 'placement', officeId: person.office_id });
  const views = await q.loadPlacements(db, ctx.networkId, { participantId });
  await db.transaction().execute((tx) =>
    recordAudit(tx, ctx, {
      action: 'placement.list',
      entityType: 'participant',
      entityId: participantId,
      details: { ids: views.map((v) => v.id) },
    }),
  );
  return views;
}

export async function createPlacement(
  db: Db,
  ctx: ServiceContext,
  participantId: string,
  input: PlacementCreateInput,
): Promise<PlacementView> {
  const id = await db.transaction().execute(async (tx) => {
    const person = await requireParticipant(tx, ctx, participantId, 'update');
    requireMay(ctx.actor, 'create', { type: 'placement', officeId: person.office_id });
    if (!person.current_case_id) throw new Invalid('The participant has no case');
    const kase = await tx.selectFrom('cases').selectAll().where('id', '=', person.current_case_id).forUpdate().executeTakeFirstOrThrow();
    const fields: Record<string, string[]> = {};
    let employerName = input.employerName ?? null;
    if (input.employerId) {
      const employer = await tx
        .selectFrom('organisations')
        .select('name')
        .where('id', '=', input.employerId)
        .where('network_id', '=', ctx.networkId)
        .where('kind', '=', 'employer')
        .executeTakeFirst();
      if (!employer) fields.employerId = ['Unknown employer'];
      employerName = employer?.name ?? employerName;
    }
    const proposal = input.proposalId
      ? await proposalRows(tx, ctx.networkId).where('proposals.id', '=', input.proposalId).forUpdate('proposals').executeTakeFirst()
      : undefined;
    if (input.proposalId && proposal?.participant_id !== participantId) fields.proposalId = ['Not a proposal of this participant'];
    else if (
      proposal &&
      (['rejected', 'withdrawn'].includes(proposal.stage) || (input.employerId && input.employerId !== proposal.employer_id))
    )
      fields.proposalId = ['The proposal was not for this employer, or it ended'];
    if (input.startsOn > addMonths(today(), 12)) fields.startsOn = ['At most a year ahead'];
    if (kase.entry_date && input.startsOn < kase.entry_date) fields.startsOn = ['The start cannot be before the case began'];
    if (Object.keys(fields).length) throw new Invalid('The placement cannot be recorded like this', fields);

    const closing = closesCase(input) && OPEN_CASE.includes(kase.status);
    // The same placement twice (a double submit) is one placement.
    const twice = await tx
      .selectFrom('placements')
      .select('id')
      .where('case_id', '=', kase.id)
      .where('kind', '=', input.kind)
      .where('starts_on', '=', input.startsOn)
      .executeTakeFirst();
    if (twice) throw new Conflict('This placement is recorded already', (await q.loadPlacements(tx, ctx.networkId, { id: twice.id }))[0]);
    const placement = await tx
      .insertInto('placements')
      .values({
        network_id: ctx.networkId,
        participant_id: participantId,
        case_id: kase.id,
        office_id: person.office_id,
        proposal_id: input.proposalId ?? null,
        kind: input.kind,
        first_labour_market: input.firstLabourMarket,
        employer_id: input.employerId ?? null,
        employer_name: employerName,
        starts_on: input.startsOn,
        hours_per_week: input.hoursPerWeek ?? null,
        occupation: input.occupation,
        closed_case: closing,
        recorded_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('placement_follow_ups')
      .values([
        { network_id: ctx.networkId, placement_id: placement.id, kind: 'day_28', due_on: addDays(input.startsOn, 28) },
        { network_id: ctx.networkId, placement_id: placement.id, kind: 'month_6', due_on: addMonths(input.startsOn, 6) },
      ])
      .execute();

    if (closing) {
      await tx
        .updateTable('cases')
        .set((eb) => ({
          status: 'placed',
          exit_date: input.startsOn,
          exit_reason: input.kind === 'apprenticeship' ? 'placed_apprenticeship' : 'placed_employment',
          updated_at: new Date(),
          version: eb('version', '+', 1),
        }))
        .where('id', '=', kase.id)
        .execute();
      // The partners' cycles end with the case: their access ends with it.
      await endCaseWork(tx, ctx, kase.id, participantId);
      await recordAudit(tx, ctx, {
        action: 'case.update',
        entityType: 'case',
        entityId: kase.id,
        details: { status: 'placed', placementId: placement.id },
      });
    }
    if (proposal && !['hired', 'rejected', 'withdrawn'].includes(proposal.stage))
      await applyStage(tx, ctx, proposal, 'hired', today(), null);
    await recordAudit(tx, ctx, {
      action: 'placement.create',
      entityType: 'placement',
      entityId: placement.id,
      details: { participantId, caseId: kase.id, kind: input.kind, closedCase: closing },
    });
    await recordCaseEvent(tx, ctx, {
      participantId,
      caseId: kase.id,
      kind: 'placement.recorded',
      data: { placementId: placement.id, kind: input.kind, firstLabourMarket: input.firstLabourMarket, closedCase: closing },
    });
    return placement.id;
  });
  return (await q.loadPlacements(db, ctx.networkId, { id }))[0]!;
}

export async function recordFollowUp(db: Db, ctx: ServiceContext, id: string, input: FollowUpInput): Promise<FollowUpView> {
  return db.transaction().execute(async (tx: Tx) => {
    const row = await tx
      .selectFrom('placement_follow_ups as f')
      .innerJoin('placements as p', 'p.id', 'f.placement_id')
      .selectAll('f')
      .select(['p.office_id', 'p.participant_id', 'p.case_id', 'p.starts_on'])
      .where('f.id', '=', id)
      .where('f.network_id', '=', ctx.networkId)
      .forUpdate('f')
      .executeTakeFirst();
    if (!row) throw new NotFound('Follow-up');
    await requireParticipant(tx, ctx, row.participant_id, 'update');
    requireMay(ctx.actor, 'update', { type: 'placement', officeId: row.office_id });
    if (row.version !== input.version) throw new Conflict('The follow-up was recorded by someone else', q.toFollowUpView(row));
    if (input.checkedOn < row.starts_on) throw new Invalid('The check cannot be before the start', { checkedOn: ['Before the start'] });
    const saved = await tx
      .updateTable('placement_follow_ups')
      .set((eb) => ({
        checked_on: input.checkedOn,
        still_employed: input.stillEmployed,
        note: input.note ?? null,
        recorded_by: ctx.actor.userId,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'placement.follow_up',
      entityType: 'placement',
      entityId: row.placement_id,
      details: { followUpId: id, kind: row.kind },
    });
    await recordCaseEvent(tx, ctx, {
      participantId: row.participant_id,
      caseId: row.case_id,
      kind: 'placement.follow_up',
      data: { placementId: row.placement_id, kind: row.kind, stillEmployed: input.stillEmployed },
    });
    return q.toFollowUpView(saved);
  });
}

/** Follow-ups of the actor's offices due within `days` or overdue, not yet recorded. */
export async function dueFollowUps(db: Db, ctx: ServiceContext, days: number): Promise<DueFollowUp[]> {
  const officeIds = requireParticipantScope(ctx.actor);
  const rows = await q.dueFollowUpRows(db, ctx.networkId, officeIds, addDays(today(), days));
  await db.transaction().execute((tx) =>
    recordAudit(tx, ctx, {
      action: 'follow_up.list',
      entityType: 'placement',
      details: { participantIds: [...new Set(rows.map((r) => r.participantId))] },
    }),
  );
  return rows;
}
