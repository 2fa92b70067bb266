import type { Db, Tx } from '../../db/database.ts';
import { Conflict, Invalid, NotFound } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { type Action, participantOfficeScope, requireMay, requireParticipantScope } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findCandidates } from '../duplicates/duplicates.queries.ts';
import { toCandidates } from '../duplicates/duplicates.service.ts';
import { listCaseEvents, recordCaseEvent } from '../timeline/timeline.service.ts';
import * as q from './participants.queries.ts';
import { sql } from 'kysely';
import {
  CASE_STATUSES,
  type CaseManagerOption,
  type ParticipantCreateInput,
  type ParticipantListQuery,
  type ParticipantSummary,
  type ParticipantUpdateInput,
  type ParticipantView,
} from './participants.schemas.ts';

/**
 * The participant as the actor may see it, or 404: another office's or another
 * network's person does not exist for this user. Every participant service starts here.
 */
export async function requireParticipant(db: Db | Tx, ctx: ServiceContext, id: string, action: Action) {
  const row = await q.findParticipantRow(db, ctx.networkId, participantOfficeScope(ctx.actor), id);
  if (!row) throw new NotFound('Participant');
  requireMay(ctx.actor, action, { type: 'participant', officeId: row.office_id });
  return row;
}

export async function listParticipants(db: Db, ctx: ServiceContext, query: ParticipantListQuery) {
  const officeIds = requireParticipantScope(ctx.actor);
  const { rows, total, totalCapped } = await q.listParticipants(db, ctx.networkId, officeIds, query, {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const items = rows.map(q.toListItem);
  await db
    .transaction()
    .execute((tx) =>
      recordAudit(tx, ctx, { action: 'participant.list', entityType: 'participant', details: { ids: items.map((i) => i.id) } }),
    );
  return { items, total, totalCapped, page: query.page, pageSize: query.pageSize };
}

export async function getParticipant(db: Db, ctx: ServiceContext, id: string): Promise<ParticipantView> {
  const row = await requireParticipant(db, ctx, id, 'read');
  await db.transaction().execute((tx) => recordAudit(tx, ctx, { action: 'participant.read', entityType: 'participant', entityId: id }));
  return q.toView(db, row);
}

/** Checks that city, case manager and funding period belong to the network (and office). */
export async function checkCaseReferences(
  tx: Tx,
  networkId: string,
  officeId: string,
  refs: { cityId?: string; caseManagerId?: string | null; fundingPeriodId?: string | null },
) {
  const fields: Record<string, string[]> = {};
  if (
    refs.cityId &&
    !(await tx.selectFrom('cities').select('id').where('network_id', '=', networkId).where('id', '=', refs.cityId).executeTakeFirst())
  ) {
    fields.cityId = ['Unknown city'];
  }
  if (refs.caseManagerId) {
    const member = await tx
      .selectFrom('memberships')
      .select('id')
      .where('network_id', '=', networkId)
      .where('user_id', '=', refs.caseManagerId)
      .where('organisation_id', '=', officeId)
      .where('role', '=', 'case_manager')
      .executeTakeFirst();
    if (!member) fields.caseManagerId = ['Not a case manager of this office'];
  }
  if (
    refs.fundingPeriodId &&
    !(await tx
      .selectFrom('funding_periods')
      .select('id')
      .where('network_id', '=', networkId)
      .where('id', '=', refs.fundingPeriodId)
      .executeTakeFirst())
  ) {
    fields.fundingPeriodId = ['Unknown funding period'];
  }
  if (Object.keys(fields).length) throw new Invalid('Some references are unknown', fields);
}

export async function createParticipant(db: Db, ctx: ServiceContext, input: ParticipantCreateInput): Promise<ParticipantView> {
  requireMay(ctx.actor, 'create', { type: 'participant', officeId: input.officeId });
  return db.transaction().execute(async (tx) => {
    const { id } = await insertParticipant(tx, ctx, input);
    await recordAudit(tx, ctx, { action: 'participant.create', entityType: 'participant', entityId: id });
    const row = await q.findParticipantRow(tx, ctx.networkId, [input.officeId], id);
    return q.toView(tx, row!);
  });
}

/**
 * Inserts person and case inside the caller's transaction, after the duplicate check:
 * a likely duplicate the user has not acknowledged is a 409 listing the candidates.
 * Shared by the form and the import.
 */
export async function insertParticipant(
  tx: Tx,
  ctx: ServiceContext,
  input: ParticipantCreateInput,
  eventKind: 'participant.created' | 'participant.imported' = 'participant.created',
) {
  const candidates = await findCandidates(tx, ctx.networkId, input);
  const unacknowledged = candidates.filter((c) => !input.acknowledgedDuplicates.includes(c.id));
  if (unacknowledged.length > 0) {
    throw new Conflict('This person may be recorded already', { duplicates: toCandidates(ctx.actor, unacknowledged) });
  }
  await checkCaseReferences(tx, ctx.networkId, input.officeId, {
    cityId: input.cityId,
    caseManagerId: input.caseManagerId,
    fundingPeriodId: input.fundingPeriodId,
  });
  const { id } = await tx
    .insertInto('participants')
    .values({
      network_id: ctx.networkId,
      office_id: input.officeId,
      created_by: ctx.actor.userId,
      ...(q.personColumns(input) as { given_names: string; family_name: string }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const theCase = await tx
    .insertInto('cases')
    .values({
      network_id: ctx.networkId,
      participant_id: id,
      office_id: input.officeId,
      status: input.status,
      city_id: input.cityId,
      case_manager_id: input.caseManagerId ?? ctx.actor.userId,
      funding_period_id: input.fundingPeriodId ?? null,
      entry_date: input.entryDate ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordCaseEvent(tx, ctx, {
    participantId: id,
    caseId: theCase.id,
    kind: eventKind,
    data: { status: input.status, acknowledgedDuplicates: input.acknowledgedDuplicates },
  });
  return { id, caseId: theCase.id };
}

export async function updateParticipant(db: Db, ctx: ServiceContext, id: string, input: ParticipantUpdateInput): Promise<ParticipantView> {
  const { version, ...changes } = input;
  return db.transaction().execute(async (tx) => {
    const before = await requireParticipant(tx, ctx, id, 'update');
    if (before.version !== version) throw new Conflict('The record was changed by someone else', await q.toView(tx, before));
    const columns = q.personColumns(changes);
    await tx
      .updateTable('participants')
      .set((eb) => ({ ...columns, updated_at: new Date(), version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('network_id', '=', ctx.networkId)
      .execute();
    const fields = Object.keys(changes).filter((k) => changes[k as keyof typeof changes] !== undefined);
    await recordAudit(tx, ctx, { action: 'participant.update', entityType: 'participant', entityId: id, details: { fields } });
    await recordCaseEvent(tx, ctx, { participantId: id, caseId: before.current_case_id, kind: 'participant.updated', data: { fields } });
    return q.toView(tx, (await q.findParticipantRow(tx, ctx.networkId, [before.office_id], id))!);
  });
}

/** The filtered list, all pages, for export; audited with the ids it contains. */
export async function listForExport(db: Db, ctx: ServiceContext, query: Omit<ParticipantListQuery, 'page' | 'pageSize'>) {
  const officeIds = requireParticipantScope(ctx.actor);
  const { rows } = await q.listParticipants(db, ctx.networkId, officeIds, query);
  const items = rows.map(q.toListItem);
  await db.transaction().execute((tx) =>
    recordAudit(tx, ctx, {
      action: 'participant.export',
      entityType: 'participant',
      details: { count: items.length, ids: items.map((i) => i.id), filters: { ...query } },
    }),
  );
  return items;
}

export async function getTimeline(db: Db, ctx: ServiceContext, id: string) {
  await requireParticipant(db, ctx, id, 'read');
  await db.transaction().execute((tx) => recordAudit(tx, ctx, { action: 'timeline.read', entityType: 'participant', entityId: id }));
  return listCaseEvents(db, ctx.networkId, id);
}

/** How many people of the actor's offices are in which status; counts only. */
export async function summarise(db: Db, ctx: ServiceContext): Promise<ParticipantSummary> {
  const officeIds = requireParticipantScope(ctx.actor);
  const rows = await db
    .selectFrom('participants')
    .select((eb) => [
      'participants.case_status as status',
      eb.fn.countAll<string>().as('n'),
      eb.fn
        .count<string>(
          eb
            .case()
            .when('participants.residence_valid_until', '<=', sql<string>`current_date + 42`)
            .then(1)
            .end(),
        )
        .as('expiring'),
    ])
    .where('participants.network_id', '=', ctx.networkId)
    .where('participants.office_id', 'in', officeIds)
    .where('participants.merged_into', 'is', null)
    .groupBy('participants.case_status')
    .execute();
  const byStatus = Object.fromEntries(
    CASE_STATUSES.map((s) => [s, Number(rows.find((r) => r.status === s)?.n ?? 0)]),
  ) as ParticipantSummary['byStatus'];
  return {
    total: rows.reduce((sum, r) => sum + Number(r.n), 0),
    byStatus,
    residenceExpiringWithin42Days: rows
      .filter((r) => r.status && ['invited', 'active', 'paused'].includes(r.status))
      .reduce((sum, r) => sum + Number(r.expiring), 0),
  };
}

/** The active case managers of the actor's offices: names only, for choosing who takes a case. */
export async function listCaseManagers(db: Db, ctx: ServiceContext): Promise<CaseManagerOption[]> {
  const officeIds = requireParticipantScope(ctx.actor);
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.display_name', 'memberships.organisation_id'])
    .where('memberships.network_id', '=', ctx.networkId)
    .where('memberships.role', '=', 'case_manager')
    .where('memberships.organisation_id', 'in', officeIds)
    .where('users.status', '=', 'active')
    .orderBy('users.display_name')
    .execute();
  return rows.map((r) => ({ id: r.id, displayName: r.display_name, officeId: r.organisation_id! }));
}
