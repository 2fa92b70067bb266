import type { Db, Tx } from '../../db/database.ts';
import { Conflict, Invalid, NotFound } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { requireMay } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { personColumns } from '../participants/participants.queries.ts';
import { requireParticipant } from '../participants/participants.service.ts';
import { recordCaseEvent } from '../timeline/timeline.service.ts';
import * as q from './duplicates.queries.ts';
import {
  MERGEABLE_FIELDS,
  type MergeInput,
  type MergeListItem,
  type MergeListQuery,
  type MergePreview,
  type MergeView,
} from './duplicates.schemas.ts';

// Merging two records of one person: the kept record takes the merged one's cases,
// documents, consents and timeline, and chosen field values; the merged record stays
// as a pointer. A snapshot makes the merge reversible by an admin.

const MOVED_TABLES = [
  'cases',
  'intakes',
  'residence_statuses',
  'consents',
  'case_events',
  'plan_versions',
  'referrals',
  'appointments',
  'proposals',
  'placements',
] as const;
type MovedTable = (typeof MOVED_TABLES)[number];

type Row = Awaited<ReturnType<typeof requireParticipant>>;
const fieldValue = (row: Row, field: (typeof MERGEABLE_FIELDS)[number]) => {
  const column = Object.keys(personColumns({ [field]: true }))[0] as keyof Row;
  return row[column];
};

async function loadPair(tx: Db | Tx, ctx: ServiceContext, keptId: string, mergedId: string) {
  const kept = await requireParticipant(tx, ctx, keptId, 'update');
  const merged = await requireParticipant(tx, ctx, mergedId, 'update');
  if (keptId === mergedId) throw new Invalid('A record cannot be merged with itself', { mergedId: ['Choose another record'] });
  requireMay(ctx.actor, 'create', { type: 'participantMerge', officeIds: [kept.office_id, merged.office_id] });
  return { kept, merged };
}

async function countRows(tx: Db | Tx, table: MovedTable, participantId: string): Promise<number> {
  const row = await tx
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('participant_id', '=', participantId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function previewMerge(db: Db, ctx: ServiceContext, keptId: string, mergedId: string): Promise<MergePreview> {
  const { kept, merged } = await loadPair(db, ctx, keptId, mergedId);
  const checks = await db
    .selectFrom('employability_checks')
    .select('participant_id')
    .where('participant_id', 'in', [keptId, mergedId])
    .execute();
  // The preview shows both people's fields side by side: a read of both records.
  await db.transaction().execute(async (tx) => {
    for (const id of [keptId, mergedId])
      await recordAudit(tx, ctx, {
        action: 'participant.read',
        entityType: 'participant',
        entityId: id,
        details: { view: 'merge_preview' },
      });
  });
  return {
    fields: MERGEABLE_FIELDS.map((field) => {
      const a = fieldValue(kept, field);
      const b = fieldValue(merged, field);
      return { field, kept: a, merged: b, differs: JSON.stringify(a) !== JSON.stringify(b) };
    }),
    moves: {
      cases: await countRows(db, 'cases', mergedId),
      residenceStatuses: await countRows(db, 'residence_statuses', mergedId),
      consents: await countRows(db, 'consents', mergedId),
      intakes: await countRows(db, 'intakes', mergedId),
      caseEvents: await countRows(db, 'case_events', mergedId),
    },
    employabilityConflict: checks.length === 2,
    keptVersion: kept.version,
    mergedVersion: merged.version,
  };
}

export async function mergeParticipants(db: Db, ctx: ServiceContext, keptId: string, input: MergeInput): Promise<MergeView> {
  return db.transaction().execute(async (tx) => {
    const { kept, merged } = await loadPair(tx, ctx, keptId, input.mergedId);
    if (kept.version !== input.keptVersion || merged.version !== input.mergedVersion)
      throw new Conflict('One of the records was changed; look at the preview again');

    const moved: Partial<Record<MovedTable | 'employability_checks', string[]>> = {};
    for (const table of MOVED_TABLES) {
      const rows = await tx
        .updateTable(table)
        .set({ participant_id: keptId })
        .where('participant_id', '=', merged.id)
        .returning('id')
        .execute();
      moved[table] = rows.map((r) => String(r.id));
    }
    const keptHasCheck = await tx.selectFrom('employability_checks').select('id').where('participant_id', '=', keptId).executeTakeFirst();
    if (!keptHasCheck) {
      const rows = await tx
        .updateTable('employability_checks')
        .set({ participant_id: keptId })
        .where('participant_id', '=', merged.id)
        .returning('id')
        .execute();
      moved.employability_checks = rows.map((r) => r.id);
    }

    const taken: Record<string, unknown> = {};
    for (const field of input.takeFromMerged) taken[field] = fieldValue(merged, field);
    const before = Object.fromEntries(MERGEABLE_FIELDS.map((f) => [f, fieldValue(kept, f)]));
    await tx
      .updateTable('participants')
      .set((eb) => ({ ...personColumns(taken), updated_at: new Date(), version: eb('version', '+', 1) }))
      .where('id', '=', keptId)
      .execute();
    await tx
      .updateTable('participants')
      .set((eb) => ({ merged_into: keptId, merged_at: new Date(), version: eb('version', '+', 1) }))
      .where('id', '=', merged.id)
      .execute();

    const merge = await tx
      .insertInto('participant_merges')
      .values({
        network_id: ctx.networkId,
        kept_id: keptId,
        merged_id: merged.id,
        snapshot: JSON.stringify({ before, moved }),
        merged_by: ctx.actor.userId,
      })
      .returning(['id', 'merged_at'])
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'participant.merge',
      entityType: 'participant',
      entityId: keptId,
      details: { mergedId: merged.id, mergeId: merge.id, fields: input.takeFromMerged },
    });
    await recordCaseEvent(tx, ctx, { participantId: keptId, kind: 'participant.merged', data: { mergedId: merged.id, mergeId: merge.id } });
    return { id: merge.id, keptId, mergedId: merged.id, mergedAt: new Date(merge.merged_at).toISOString(), undoneAt: null };
  });
}

/**
 * The network's merges, for the admin who may undo them (and only for them: the
 * list exists for the undo). It shows both people's names, so it is an audited read.
 */
export async function listMerges(db: Db, ctx: ServiceContext, query: MergeListQuery) {
  requireMay(ctx.actor, 'list', { type: 'participantMerge', officeIds: [] });
  const { rows, total } = await q.listMerges(db, ctx.networkId, query);
  const items: MergeListItem[] = rows.map((r) => ({
    id: r.id,
    keptId: r.kept_id,
    mergedId: r.merged_id,
    keptGivenNames: r.kept_given_names,
    keptFamilyName: r.kept_family_name,
    mergedGivenNames: r.merged_given_names,
    mergedFamilyName: r.merged_family_name,
    mergedAt: new Date(r.merged_at).toISOString(),
    mergedByName: r.merged_by_name,
    undoneAt: r.undone_at ? new Date(r.undone_at).toISOString() : null,
  }));
  const ids = [...new Set(items.flatMap((i) => [i.keptId, i.mergedId]))];
  await db
    .transaction()
    .execute((tx) => recordAudit(tx, ctx, { action: 'participant.list', entityType: 'participant', details: { view: 'merges', ids } }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** An admin's correction: moves everything back and restores the kept record's fields. */
export async function undoMerge(db: Db, ctx: ServiceContext, mergeId: string): Promise<MergeView> {
  return db.transaction().execute(async (tx) => {
    const merge = await tx
      .selectFrom('participant_merges')
      .selectAll()
      .where('id', '=', mergeId)
      .where('network_id', '=', ctx.networkId)
      .forUpdate()
      .executeTakeFirst();
    if (!merge) throw new NotFound('Merge');
    requireMay(ctx.actor, 'delete', { type: 'participantMerge', officeIds: [] });
    if (merge.undone_at) throw new Conflict('This merge was undone already');
    const snapshot = merge.snapshot as {
      before: Record<string, unknown>;
      moved: Partial<Record<MovedTable | 'employability_checks', string[]>>;
    };
    for (const [table, ids] of Object.entries(snapshot.moved) as [MovedTable | 'employability_checks', string[]][]) {
      if (ids.length === 0) continue;
      if (table === 'case_events')
        await tx.updateTable('case_events').set({ participant_id: merge.merged_id }).where('id', 'in', ids).execute();
      else await tx.updateTable(table).set({ participant_id: merge.merged_id }).where('id', 'in', ids).execute();
    }
    await tx
      .updateTable('participants')
      .set((eb) => ({ ...personColumns(snapshot.before), updated_at: new Date(), version: eb('version', '+', 1) }))
      .where('id', '=', merge.kept_id)
      .execute();
    await tx
      .updateTable('participants')
      .set((eb) => ({ merged_into: null, merged_at: null, version: eb('version', '+', 1) }))
      .where('id', '=', merge.merged_id)
      .execute();
    const undone = await tx
      .updateTable('participant_merges')
      .set({ undone_at: new Date(), undone_by: ctx.actor.userId })
      .where('id', '=', mergeId)
      .returning('undone_at')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'participant.merge_undo',
      entityType: 'participant',
      entityId: merge.kept_id,
      details: { mergedId: merge.merged_id, mergeId },
    });
    await recordCaseEvent(tx, ctx, {
      participantId: merge.kept_id,
      kind: 'participant.merge_undone',
      data: { mergedId: merge.merged_id, mergeId },
    });
    return {
      id: merge.id,
      keptId: merge.kept_id,
      mergedId: merge.merged_id,
      mergedAt: new Date(merge.merged_at).toISOString(),
      undoneAt: new Date(undone.undone_at!).toISOString(),
    };
  });
}
