import { sql } from 'kysely';
import { today as germanToday } from '../../dates.ts';
import type { Db } from '../../db/database.ts';
import { Conflict, NotFound } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { requireParticipantScope } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireParticipant } from '../participants/participants.service.ts';
import { recordCaseEvent } from '../timeline/timeline.service.ts';
import type { DeadlineView, ResidenceCreateInput, ResidenceUpdateInput, ResidenceView } from './residence.schemas.ts';

type Row = {
  id: string;
  participant_id: string;
  title: string;
  paragraph: string | null;
  valid_from: string | null;
  valid_until: string | null;
  work_clause: ResidenceView['workClause'];
  entry_date: string | null;
  note: string | null;
  version: number;
};
const toView = (r: Row, currentId: string | null): ResidenceView => ({
  id: r.id,
  participantId: r.participant_id,
  title: r.title as ResidenceView['title'],
  paragraph: r.paragraph,
  validFrom: r.valid_from,
  validUntil: r.valid_until,
  workClause: r.work_clause,
  entryDate: r.entry_date,
  note: r.note,
  current: r.id === currentId,
  version: r.version,
});

export async function listResidence(db: Db, ctx: ServiceContext, participantId: string): Promise<ResidenceView[]> {
  const person = await requireParticipant(db, ctx, participantId, 'read');
  const rows = await db
    .selectFrom('residence_statuses')
    .selectAll()
    .where('participant_id', '=', participantId)
    .orderBy('valid_from', (ob) => ob.desc().nullsLast())
    .orderBy('created_at', 'desc')
    .execute();
  await db
    .transaction()
    .execute((tx) => recordAudit(tx, ctx, { action: 'participant.read', entityType: 'residence_status', entityId: participantId }));
  return rows.map((r) => toView(r, person.current_residence_id));
}

export async function addResidence(
  db: Db,
  ctx: ServiceContext,
  participantId: string,
  input: ResidenceCreateInput,
): Promise<ResidenceView> {
  return db.transaction().execute(async (tx) => {
    const person = await requireParticipant(tx, ctx, participantId, 'update');
    const row = await tx
      .insertInto('residence_statuses')
      .values({
        network_id: ctx.networkId,
        participant_id: participantId,
        title: input.title,
        paragraph: input.paragraph ?? null,
        valid_from: input.validFrom ?? null,
        valid_until: input.validUntil ?? null,
        work_clause: input.workClause,
        entry_date: input.entryDate ?? null,
        note: input.note ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'residence.create',
      entityType: 'residence_status',
      entityId: row.id,
      details: { participantId },
    });
    await recordCaseEvent(tx, ctx, {
      participantId,
      caseId: person.current_case_id,
      kind: 'residence.recorded',
      data: { title: input.title, validUntil: input.validUntil ?? null },
    });
    const current = await tx
      .selectFrom('participants')
      .select('current_residence_id')
      .where('id', '=', participantId)
      .executeTakeFirstOrThrow();
    return toView(row, current.current_residence_id);
  });
}

export async function updateResidence(db: Db, ctx: ServiceContext, id: string, input: ResidenceUpdateInput): Promise<ResidenceView> {
  const { version, ...changes } = input;
  return db.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom('residence_statuses')
      .selectAll()
      .where('id', '=', id)
      .where('network_id', '=', ctx.networkId)
      .executeTakeFirst();
    if (!before) throw new NotFound('Residence status');
    const person = await requireParticipant(tx, ctx, before.participant_id, 'update');
    if (before.version !== version)
      throw new Conflict('The residence status was changed by someone else', toView(before, person.current_residence_id));
    const row = await tx
      .updateTable('residence_statuses')
      .set((eb) => ({
        title: changes.title,
        paragraph: changes.paragraph,
        valid_from: changes.validFrom,
        valid_until: changes.validUntil,
        work_clause: changes.workClause,
        entry_date: changes.entryDate,
        note: changes.note,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const fields = Object.keys(changes).filter((k) => changes[k as keyof typeof changes] !== undefined);
    await recordAudit(tx, ctx, {
      action: 'residence.update',
      entityType: 'residence_status',
      entityId: id,
      details: { participantId: before.participant_id, fields },
    });
    await recordCaseEvent(tx, ctx, {
      participantId: before.participant_id,
      caseId: person.current_case_id,
      kind: 'residence.updated',
      data: { fields },
    });
    const current = await tx
      .selectFrom('participants')
      .select('current_residence_id')
      .where('id', '=', before.participant_id)
      .executeTakeFirstOrThrow();
    return toView(row, current.current_residence_id);
  });
}

/**
 * What falls due soon for the actor's participants: documents in force that expire
 * (or have expired) and employability reviews, soonest first. Open cases only.
 */
export async function listDeadlines(
  db: Db,
  ctx: ServiceContext,
  options: { withinDays: number; participantId?: string; mine: boolean },
): Promise<DeadlineView[]> {
  const officeIds = requireParticipantScope(ctx.actor);
  if (options.participantId) await requireParticipant(db, ctx, options.participantId, 'read');
  const rows = await sql<{
    participant_id: string;
    given_names: string;
    family_name: string;
    kind: DeadlineView['kind'];
    date: string;
    title: string | null;
  }>`
    WITH people AS (
      SELECT p.id, p.given_names, p.family_name, p.current_residence_id
      FROM participants p
      WHERE p.network_id = ${ctx.networkId} AND p.office_id = ANY(${officeIds}::uuid[]) AND p.merged_into IS NULL
        AND p.case_status IN ('invited', 'active', 'paused')
        AND (${options.participantId ?? null}::uuid IS NULL OR p.id = ${options.participantId ?? null}::uuid)
        AND (${!options.mine} OR p.case_manager_id = ${ctx.actor.userId})
    )
    SELECT people.id AS participant_id, people.given_names, people.family_name, 'residence_expiry' AS kind, r.valid_until::text AS date, r.title
    FROM people JOIN residence_statuses r ON r.id = people.current_residence_id
    WHERE r.valid_until <= current_date + ${options.withinDays}::int
    UNION ALL
    SELECT people.id, people.given_names, people.family_name, 'employability_review', e.review_on::text, NULL
    FROM people JOIN employability_checks e ON e.participant_id = people.id
    WHERE e.review_on <= current_date + ${options.withinDays}::int
    ORDER BY date, family_name`.execute(db);
  const today = Date.parse(germanToday());
  const deadlines = rows.rows.map((r) => ({
    participantId: r.participant_id,
    givenNames: r.given_names,
    familyName: r.family_name,
    kind: r.kind,
    date: r.date,
    daysLeft: Math.round((Date.parse(r.date) - today) / 86400_000),
    title: r.title as DeadlineView['title'],
  }));
  await db.transaction().execute((tx) =>
    recordAudit(tx, ctx, {
      action: 'participant.list',
      entityType: 'participant',
      details: { ids: [...new Set(deadlines.map((d) => d.participantId))], view: 'deadlines' },
    }),
  );
  return deadlines;
}
