import { createHash } from 'node:crypto';
import type { Db, Tx } from '../../db/database.ts';
import { requireMay, type Actor } from '../access/policy.ts';
import { listAuditEvents } from './audit.queries.ts';
import type { AuditListQuery } from './audit.schemas.ts';

// What happened, named once. Payloads carry identifiers and the names of changed
// fields, never the sensitive values themselves.
export type AuditAction =
  | 'network.create'
  | 'demo.load'
  | 'auth.login'
  | 'auth.login_failed'
  | 'auth.logout'
  | 'user.create'
  | 'user.update'
  | 'user.password_change'
  | 'organisation.create'
  | 'organisation.update'
  | 'city.create'
  | 'participant.list'
  | 'participant.read'
  | 'participant.create'
  | 'participant.update'
  | 'participant.export'
  | 'participant.import'
  | 'participant.merge'
  | 'participant.merge_undo'
  | 'duplicate.check'
  | 'duplicate.dismiss'
  | 'case.update'
  | 'intake.read'
  | 'intake.update'
  | 'employability.read'
  | 'employability.update'
  | 'residence.create'
  | 'residence.update'
  | 'consent.create'
  | 'consent.withdraw'
  | 'consent.print'
  | 'timeline.read'
  | 'catalogue.update'
  | 'audit.list'
  | 'plan.read'
  | 'plan.create'
  | 'plan.update'
  | 'plan.finalise'
  | 'plan.step_update'
  | 'plan.print'
  | 'referral.list'
  | 'referral.read'
  | 'referral.create'
  | 'referral.update'
  | 'referral.send'
  | 'referral.consent_override'
  | 'referral.accept'
  | 'referral.decline'
  | 'referral.revoke'
  | 'referral.complete'
  | 'referral.task_update'
  | 'referral.note'
  | 'referral.print'
  | 'appointment.list'
  | 'appointment.create'
  | 'appointment.update'
  | 'conference.read'
  | 'conference.close'
  | 'calendar.feed_create'
  | 'calendar.feed_revoke'
  | 'calendar.feed_read'
  | 'worklist.read'
  | 'employer.list'
  | 'employer.read'
  | 'employer.create'
  | 'employer.update'
  | 'employer_contact.list'
  | 'employer_contact.create'
  | 'vacancy.list'
  | 'vacancy.read'
  | 'vacancy.create'
  | 'vacancy.update'
  | 'job_profile.read'
  | 'job_profile.update'
  | 'match.vacancy'
  | 'match.participant'
  | 'match.caseload'
  | 'proposal.list'
  | 'proposal.read'
  | 'proposal.create'
  | 'proposal.stage'
  | 'placement.list'
  | 'placement.create'
  | 'placement.follow_up'
  | 'follow_up.list'
  | 'report.read'
  | 'offer.create'
  | 'offer.update'
  | 'enrolment.list'
  | 'enrolment.create'
  | 'enrolment.move_up'
  | 'enrolment.cancel'
  | 'enrolment.drop_out'
  | 'enrolment.complete'
  | 'enrolment.attendance'
  | 'volunteer.list'
  | 'volunteer.read'
  | 'volunteer.create'
  | 'volunteer.update'
  | 'volunteer_settings.update'
  | 'mentorship.list'
  | 'mentorship.read'
  | 'mentorship.create'
  | 'mentorship.update'
  | 'mentorship.end'
  | 'mentorship.suggest'
  | 'mentorship.hours'
  | 'mentee.list'
  | 'mentee.read'
  | 'mentorship_meeting.create'
  | 'mentorship_meeting.update'
  // Apprenticeship support (Wegbereiter)
  | 'apprenticeship.list'
  | 'apprenticeship.read'
  | 'apprenticeship.create'
  | 'apprenticeship.update'
  | 'apprenticeship.end'
  | 'apprenticeship.needs'
  | 'apprenticeship.check_in'
  | 'apprenticeship.help_request'
  | 'apprenticeship.help_handled'
  | 'leaving_situation.read'
  | 'leaving_situation.create'
  | 'leaving_situation.update'
  | 'report.settings_update';

export interface AuditEntry {
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  details?: Record<string, unknown>;
}

/** Who acts and in which request: enough for the audit row, nothing more. */
export interface AuditContext {
  networkId: string;
  actor: Actor | null;
  requestId: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with sorted keys, so that a row read back from jsonb hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export interface HashedFields {
  networkId: string;
  seq: string;
  at: Date;
  requestId: string | null;
  actorUserId: string | null;
  actorRole: string | null;
  actorOrganisationId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  details: Record<string, unknown>;
  prevHash: string;
}

export function hashEvent(f: HashedFields): string {
  const payload = canonical([
    f.networkId,
    f.seq,
    f.at.toISOString(),
    f.requestId,
    f.actorUserId,
    f.actorRole,
    f.actorOrganisationId,
    f.action,
    f.entityType,
    f.entityId,
    f.details,
    f.prevHash,
  ]);
  return createHash('sha256').update(f.prevHash).update(payload).digest('hex');
}

/**
 * Appends one event to the network's chain, inside the caller's transaction, so
 * that the event and the change it records commit or vanish together. The head
 * row's lock orders concurrent writers of the same network.
 */
export async function recordAudit(tx: Tx, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  // One statement creates the head if needed and locks it (ON CONFLICT DO UPDATE
  // locks the row): few round trips while the network's chain is held.
  const head = await tx
    .insertInto('audit_heads')
    .values({ network_id: ctx.networkId, seq: 0, hash: GENESIS_HASH })
    .onConflict((oc) => oc.column('network_id').doUpdateSet((eb) => ({ seq: eb.ref('audit_heads.seq') })))
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();

  const roles = ctx.actor ? [...new Set(ctx.actor.memberships.map((m) => m.role))].sort().join(',') : null;
  const fields: HashedFields = {
    networkId: ctx.networkId,
    seq: (BigInt(head.seq) + 1n).toString(),
    at: new Date(),
    requestId: ctx.requestId,
    actorUserId: ctx.actor?.userId ?? null,
    actorRole: roles,
    actorOrganisationId: ctx.actor?.memberships.find((m) => m.organisationId)?.organisationId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    details: entry.details ?? {},
    prevHash: head.hash,
  };
  const hash = hashEvent(fields);
  // The event and the new head in one statement.
  await tx
    .with('event', (db) =>
      db
        .insertInto('audit_events')
        .values({
          network_id: fields.networkId,
          seq: fields.seq,
          at: fields.at,
          request_id: fields.requestId,
          actor_user_id: fields.actorUserId,
          actor_role: fields.actorRole,
          actor_organisation_id: fields.actorOrganisationId,
          action: fields.action,
          entity_type: fields.entityType,
          entity_id: fields.entityId,
          details: JSON.stringify(fields.details),
          prev_hash: fields.prevHash,
          hash,
        })
        .returning('seq'),
    )
    .updateTable('audit_heads')
    .set({ seq: fields.seq, hash })
    .where('network_id', '=', ctx.networkId)
    .execute();
}

export interface ChainReport {
  networkId: string;
  slug: string;
  events: number;
  ok: boolean;
  /** The first link that does not hold, if any. */
  broken?: { seq: string; id: string; reason: string };
}

/** Recomputes every network's chain from the start; stops at the first broken link. */
export async function verifyAuditChains(db: Db): Promise<ChainReport[]> {
  const networks = await db.selectFrom('networks').select(['id', 'slug']).orderBy('slug').execute();
  const reports: ChainReport[] = [];
  for (const network of networks) reports.push(await verifyChain(db, network.id, network.slug));
  return reports;
}

async function verifyChain(db: Db, networkId: string, slug: string): Promise<ChainReport> {
  const pageSize = 5000;
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1n;
  let events = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('network_id', '=', networkId)
      .where('seq', '>=', expectedSeq.toString())
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      const broken = (reason: string): ChainReport => ({
        networkId,
        slug,
        events,
        ok: false,
        broken: { seq: String(row.seq), id: String(row.id), reason },
      });
      if (BigInt(row.seq) !== expectedSeq) return broken(`sequence gap: expected ${expectedSeq}`);
      if (row.prev_hash !== prevHash) return broken('prev_hash does not match the previous event');
      const hash = hashEvent({
        networkId: row.network_id,
        seq: String(row.seq),
        at: new Date(row.at),
        requestId: row.request_id,
        actorUserId: row.actor_user_id,
        actorRole: row.actor_role,
        actorOrganisationId: row.actor_organisation_id,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        details: row.details,
        prevHash: row.prev_hash,
      });
      if (hash !== row.hash) return broken('content does not match its hash');
      prevHash = row.hash;
      expectedSeq += 1n;
      events += 1;
    }
    if (rows.length < pageSize) break;
  }
  const head = await db.selectFrom('audit_heads').select(['seq', 'hash']).where('network_id', '=', networkId).executeTakeFirst();
  if (head && (BigInt(head.seq) !== expectedSeq - 1n || head.hash !== prevHash)) {
    return {
      networkId,
      slug,
      events,
      ok: false,
      broken: { seq: String(head.seq), id: '-', reason: 'chain ends before its recorded head (events removed)' },
    };
  }
  return { networkId, slug, events, ok: true };
}

/** The data protection officer's view of the log. Looking into it is itself logged. */
export async function listAuditLog(db: Db, ctx: AuditContext & { actor: Actor }, query: AuditListQuery) {
  requireMay(ctx.actor, 'list', { type: 'auditLog' });
  const { items, total } = await listAuditEvents(db, ctx.networkId, query);
  await db
    .transaction()
    .execute((tx) => recordAudit(tx, ctx, { action: 'audit.list', entityType: 'audit_log', details: { filters: { ...query } } }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}
