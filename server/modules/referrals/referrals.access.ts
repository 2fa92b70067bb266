import type { Db, Tx } from '../../db/database.ts';
import { today } from '../../dates.ts';
import { Conflict, Forbidden, NotFound } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { sql } from 'kysely';
import { may, referralPartnerScope, type Action, type Actor, type Resource } from '../access/policy.ts';
import { consentedCategories, isValidOn } from '../consents/consents.queries.ts';
import type { ConsentCategory } from '../consents/consents.schemas.ts';

// Loading a referral together with the facts the access policy decides on: whether it
// is live (accepted, cycle not over, consent still valid) and what the consent covers
// today. Referrals, appointments and the work list all ask here.

export function referralRows(db: Db | Tx, networkId: string) {
  return db
    .selectFrom('referrals')
    .innerJoin('participants', 'participants.id', 'referrals.participant_id')
    .innerJoin('organisations as office', 'office.id', 'participants.office_id')
    .innerJoin('organisations as partner', 'partner.id', 'referrals.partner_organisation_id')
    .leftJoin('users as caseworker', 'caseworker.id', 'referrals.caseworker_id')
    .selectAll('referrals')
    .select([
      'participants.office_id',
      'participants.given_names',
      'participants.family_name',
      'participants.preferred_name',
      'office.name as office_name',
      'partner.name as partner_name',
      'caseworker.display_name as caseworker_name',
    ])
    .where('referrals.network_id', '=', networkId);
}

export type ReferralRow = NonNullable<Awaited<ReturnType<ReturnType<typeof referralRows>['executeTakeFirst']>>>;

export interface LoadedReferral {
  row: ReferralRow;
  /** The form may still reach the partner: the cycle has not ended and its consent (or override) holds. */
  transmittable: boolean;
  /** Accepted and transmittable: the named caseworker works on it. */
  live: boolean;
  /** The categories of the form that a valid consent covers today. */
  shared: ConsentCategory[];
}

/** Whether the consent a referral rests on is still valid; a referral sent with an override has none. */
async function consentStillValid(db: Db | Tx, row: ReferralRow, on: string): Promise<boolean> {
  if (!row.consent_id) return row.override_reason !== null;
  const consent = await db
    .selectFrom('consents')
    .select(['withdrawn_at', 'expires_on', 'given_on'])
    .where('id', '=', row.consent_id)
    .executeTakeFirst();
  return !!consent && isValidOn(consent, on);
}

export async function loadReferralFacts(db: Db | Tx, row: ReferralRow): Promise<LoadedReferral> {
  const on = today();
  const valid = await consentStillValid(db, row, on);
  const transmittable = valid && row.ends_on >= on;
  const live = row.state === 'accepted' && transmittable;
  const granted = valid ? await consentedCategories(db, row.participant_id, row.partner_organisation_id, on) : new Set<ConsentCategory>();
  return { row, transmittable, live, shared: (row.categories as ConsentCategory[]).filter((c) => granted.has(c)) };
}

export function referralResource(r: LoadedReferral): Extract<Resource, { type: 'referral' }> {
  return {
    type: 'referral',
    officeId: r.row.office_id,
    partnerOrganisationId: r.row.partner_organisation_id,
    state: r.row.state,
    caseworkerId: r.row.caseworker_id,
    transmittable: r.transmittable,
    live: r.live,
  };
}

// The same facts as SQL, for lists (referrals, appointments, the calendar feed, reminders):
// fragments over a query that has `referrals` in its FROM clause.

/** The consent the referral rests on still holds today, or it was sent with a reason instead (isValidOn, as SQL). */
export function consentHolds(on: string) {
  return sql<boolean>`((referrals.consent_id IS NULL AND referrals.override_reason IS NOT NULL) OR EXISTS (
    SELECT 1 FROM consents c WHERE c.id = referrals.consent_id AND c.withdrawn_at IS NULL
      AND c.given_on <= ${on}::date AND (c.expires_on IS NULL OR c.expires_on >= ${on}::date)))`;
}

/** Referrals the actor works on as the named caseworker while they are live. */
export function liveForCaseworker(actor: Actor, on: string) {
  const partners = referralPartnerScope(actor);
  if (partners.length === 0) return sql<boolean>`false`;
  return sql<boolean>`(referrals.state = 'accepted' AND referrals.caseworker_id = ${actor.userId}::uuid
    AND referrals.partner_organisation_id = ANY(${partners}::uuid[]) AND referrals.ends_on >= ${on}::date AND ${consentHolds(on)})`;
}

/** Sent referrals waiting in the inbox of the actor's partner organisations, while still transmittable. */
export function inboxOf(actor: Actor, on: string) {
  const partners = referralPartnerScope(actor);
  if (partners.length === 0) return sql<boolean>`false`;
  return sql<boolean>`(referrals.state = 'sent' AND referrals.partner_organisation_id = ANY(${partners}::uuid[])
    AND referrals.ends_on >= ${on}::date AND ${consentHolds(on)})`;
}

/**
 * The referral if the actor may do the action: 404 when they may not even read it (so
 * that another office's or partner's referral does not exist for them), 403 otherwise.
 */
export async function requireReferral(db: Db | Tx, ctx: ServiceContext, id: string, action: Action, lock = false): Promise<LoadedReferral> {
  let query = referralRows(db, ctx.networkId).where('referrals.id', '=', id);
  if (lock) query = query.forUpdate('referrals');
  const row = await query.executeTakeFirst();
  if (!row) throw new NotFound('Referral');
  const loaded = await loadReferralFacts(db, row);
  const resource = referralResource(loaded);
  if (!may(ctx.actor, 'read', resource)) throw new NotFound('Referral');
  // The partner answered already (a colleague, or the same person twice at once): a conflict, not a denial.
  if (action === 'answer' && row.state !== 'sent' && referralPartnerScope(ctx.actor).includes(row.partner_organisation_id))
    throw new Conflict('The referral is not waiting for an answer');
  if (!may(ctx.actor, action, resource)) throw new Forbidden();
  return loaded;
}
