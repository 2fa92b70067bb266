import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { AuditEventView, AuditListQuery } from './audit.schemas.ts';

export async function listAuditEvents(db: Db, networkId: string, query: AuditListQuery) {
  let base = db
    .selectFrom('audit_events')
    .leftJoin('users', 'users.id', 'audit_events.actor_user_id')
    .where('audit_events.network_id', '=', networkId);
  if (query.action) base = base.where('audit_events.action', '=', query.action);
  if (query.entityType) base = base.where('audit_events.entity_type', '=', query.entityType);
  if (query.entityId) base = base.where('audit_events.entity_id', '=', query.entityId);
  if (query.actorUserId) base = base.where('audit_events.actor_user_id', '=', query.actorUserId);
  if (query.from) base = base.where('audit_events.at', '>=', sql<Date>`${query.from}::date`);
  if (query.to) base = base.where('audit_events.at', '<', sql<Date>`${query.to}::date + 1`);
  const [rows, count] = await Promise.all([
    base
      .selectAll('audit_events')
      .select('users.display_name as actor_name')
      .orderBy('audit_events.seq', query.order)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const items: AuditEventView[] = rows.map((r) => ({
    id: String(r.id),
    seq: String(r.seq),
    at: new Date(r.at).toISOString(),
    requestId: r.request_id,
    actorUserId: r.actor_user_id,
    actorName: r.actor_name,
    actorRole: r.actor_role,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    details: r.details,
  }));
  return { items, total: Number(count.n) };
}
