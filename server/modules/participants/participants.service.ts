import type { Db } from '../../db/database.ts';
import { NotFound } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { participantOfficeScope, requireMay } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as q from './participants.queries.ts';
import type { ParticipantListQuery, ParticipantView } from './participants.schemas.ts';

// Reads of personal data are audited like changes: who saw which people, when.

export async function listParticipants(db: Db, ctx: ServiceContext, query: ParticipantListQuery) {
  const officeIds = participantOfficeScope(ctx.actor);
  if (officeIds.length === 0) requireMay(ctx.actor, 'list', { type: 'participant', officeId: '' });
  const { rows, total } = await q.listParticipants(db, ctx.networkId, officeIds, query);
  const items = rows.map(q.toItem);
  await db
    .transaction()
    .execute((tx) =>
      recordAudit(tx, ctx, { action: 'participant.list', entityType: 'participant', details: { ids: items.map((i) => i.id) } }),
    );
  return { items, total, page: query.page, pageSize: query.pageSize };
}

export async function getParticipant(db: Db, ctx: ServiceContext, id: string): Promise<ParticipantView> {
  const officeIds = participantOfficeScope(ctx.actor);
  if (officeIds.length === 0) requireMay(ctx.actor, 'read', { type: 'participant', officeId: '' });
  // Someone outside the responsible office gets the same answer as for a record that does not exist.
  const row = await q.findParticipant(db, ctx.networkId, officeIds, id);
  if (!row) throw new NotFound('Participant');
  requireMay(ctx.actor, 'read', { type: 'participant', officeId: row.office_id });
  await db.transaction().execute((tx) => recordAudit(tx, ctx, { action: 'participant.read', entityType: 'participant', entityId: id }));
  return { ...q.toItem(row), version: row.version };
}
