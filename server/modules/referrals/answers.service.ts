import type { Db } from '../../db/database.ts';
import { today } from '../../dates.ts';
import { Conflict, Forbidden, Invalid } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { may, participantOfficeScope } from '../access/policy.ts';
import { scheduleCycleAppointments } from '../appointments/appointments.schedule.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { recordCaseEvent } from '../timeline/timeline.service.ts';
import { loadReferralFacts, referralResource, requireReferral } from './referrals.access.ts';
import * as q from './referrals.queries.ts';
import { bump, checkVersion, reload } from './referrals.service.ts';

// The partner's answer (accept naming a caseworker, decline) and the office's revocation; the end of a cycle.

/** The partner caseworkers an accepting partner may name. */
export async function listCaseworkers(db: Db, ctx: ServiceContext, id: string) {
  const loaded = await requireReferral(db, ctx, id, 'read');
  return q.partnerCaseworkers(db, loaded.row.partner_organisation_id).orderBy('users.display_name').execute();
}

/** The partner accepts, naming the caseworker; exchange appointments and the conference are proposed. */
export async function acceptReferral(db: Db, ctx: ServiceContext, id: string, input: { version: number; caseworkerId: string }) {
  await db.transaction().execute(async (tx) => {
    const loaded = await requireReferral(tx, ctx, id, 'answer', true);
    await checkVersion(loaded, input.version, () => reload(tx, ctx, id));
    const { row } = loaded;
    if (row.state !== 'sent') throw new Conflict('The referral is not waiting for an answer');
    if (row.ends_on < today()) throw new Conflict('The cycle of this referral has ended');
    const caseworker = await q
      .partnerCaseworkers(tx, row.partner_organisation_id)
      .where('users.id', '=', input.caseworkerId)
      .executeTakeFirst();
    if (!caseworker)
      throw new Invalid('Name a caseworker of your organisation', { caseworkerId: ['Name a caseworker of your organisation'] });
    await tx
      .updateTable('referrals')
      .set((eb) => ({
        state: 'accepted',
        caseworker_id: input.caseworkerId,
        answered_at: new Date(),
        answered_by: ctx.actor.userId,
        ...bump(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .execute();
    const appointments = await scheduleCycleAppointments(tx, ctx.networkId, row);
    await recordAudit(tx, ctx, {
      action: 'referral.accept',
      entityType: 'referral',
      entityId: id,
      details: { participantId: row.participant_id, caseworkerId: input.caseworkerId, appointments },
    });
    await recordCaseEvent(tx, ctx, {
      participantId: row.participant_id,
      caseId: row.case_id,
      kind: 'referral.accepted',
      data: { referralId: id, partnerName: row.partner_name },
    });
  });
  return reload(db, ctx, id);
}

export async function declineReferral(db: Db, ctx: ServiceContext, id: string, input: { version: number; reason: string }) {
  return endReferral(db, ctx, id, input, 'answer', 'declined');
}

export async function revokeReferral(db: Db, ctx: ServiceContext, id: string, input: { version: number; reason: string }) {
  return endReferral(db, ctx, id, input, 'update', 'revoked');
}

/** Declining (partner) and revoking (office) end a referral at once; access ends with it. */
async function endReferral(
  db: Db,
  ctx: ServiceContext,
  id: string,
  input: { version: number; reason: string },
  action: 'answer' | 'update',
  to: 'declined' | 'revoked',
) {
  const result = await db.transaction().execute(async (tx) => {
    const loaded = await requireReferral(tx, ctx, id, action, true);
    const { row } = loaded;
    // A partner's caseworker may 'update' a live referral, but revoking is the office's.
    if (to === 'revoked' && !participantOfficeScope(ctx.actor).includes(row.office_id)) throw new Forbidden();
    await checkVersion(loaded, input.version, () => reload(tx, ctx, id));
    const allowed = to === 'declined' ? ['sent'] : ['sent', 'accepted'];
    if (!allowed.includes(row.state)) throw new Conflict(`A ${row.state} referral cannot be ${to}`);
    await tx
      .updateTable('referrals')
      .set((eb) => ({
        state: to,
        ...(to === 'declined'
          ? { decline_reason: input.reason, answered_at: new Date(), answered_by: ctx.actor.userId }
          : { revoke_reason: input.reason, revoked_at: new Date(), revoked_by: ctx.actor.userId }),
        ...bump(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .execute();
    await tx
      .updateTable('appointments')
      .set((eb) => ({ state: 'cancelled', updated_at: new Date(), version: eb('version', '+', 1) }))
      .where('referral_id', '=', id)
      .where('state', '=', 'planned')
      .execute();
    await recordAudit(tx, ctx, {
      action: to === 'declined' ? 'referral.decline' : 'referral.revoke',
      entityType: 'referral',
      entityId: id,
      // The reason is free text about the person: it stays on the referral, the log names the field.
      details: { participantId: row.participant_id, fields: [to === 'declined' ? 'decline_reason' : 'revoke_reason'] },
    });
    await recordCaseEvent(tx, ctx, {
      participantId: row.participant_id,
      caseId: row.case_id,
      kind: to === 'declined' ? 'referral.declined' : 'referral.revoked',
      data: { referralId: id, partnerName: row.partner_name, reason: input.reason },
    });
    return row;
  });
  // After declining, the partner no longer sees the referral: answer with what the office sees of it.
  return may(ctx.actor, 'read', referralResource(await loadReferralFacts(db, { ...result, state: to }))) ? reload(db, ctx, id) : null;
}

/**
 * Marks accepted referrals whose cycle has ended as completed (the access check does not
 * wait for this: it compares the end date itself). Run by the reminder worker and when
 * a case conference closes.
 */
export async function completeEndedReferrals(db: Db): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const ended = await tx
      .updateTable('referrals')
      .set((eb) => ({ state: 'completed', completed_at: new Date(), updated_at: new Date(), version: eb('version', '+', 1) }))
      .where('state', '=', 'accepted')
      .where('ends_on', '<', today())
      .returning(['id', 'network_id', 'participant_id', 'case_id'])
      .execute();
    if (ended.length === 0) return 0;
    // What was still planned for the cycle does not happen any more.
    await tx
      .updateTable('appointments')
      .set((eb) => ({ state: 'cancelled', updated_at: new Date(), version: eb('version', '+', 1) }))
      .where(
        'referral_id',
        'in',
        ended.map((r) => r.id),
      )
      .where('state', '=', 'planned')
      .execute();
    for (const r of ended) {
      const system = { networkId: r.network_id, actor: null, requestId: 'worker' };
      await recordAudit(tx, system, {
        action: 'referral.complete',
        entityType: 'referral',
        entityId: r.id,
        details: { participantId: r.participant_id },
      });
      await tx
        .insertInto('case_events')
        .values({
          network_id: r.network_id,
          participant_id: r.participant_id,
          case_id: r.case_id,
          actor_user_id: null,
          kind: 'referral.completed',
          data: JSON.stringify({ referralId: r.id }),
        })
        .execute();
    }
    return ended.length;
  });
}
