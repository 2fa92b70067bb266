import { today } from '../../dates.ts';
import type { Db, Tx } from '../../db/database.ts';
import type { ConsentCategory, ConsentView } from './consents.schemas.ts';

/**
 * The data categories a participant has consented to share with an organisation on a
 * day: the union of consents given by then, not expired, not withdrawn. This is the
 * question the access policy asks before a partner or employer sees anything.
 */
export async function consentedCategories(
  db: Db | Tx,
  participantId: string,
  organisationId: string,
  on = today(),
): Promise<Set<ConsentCategory>> {
  const rows = await validConsents(db, participantId, organisationId, on);
  return new Set(rows.flatMap((r) => r.categories));
}

/** The consents to an organisation valid on a day (given by then, not expired, not withdrawn), newest first. */
export async function validConsents(db: Db | Tx, participantId: string, organisationId: string, on = today()) {
  const rows = await db
    .selectFrom('consents')
    .select(['id', 'categories'])
    .where('participant_id', '=', participantId)
    .where('recipient_organisation_id', '=', organisationId)
    .where('withdrawn_at', 'is', null)
    .where('given_on', '<=', on)
    .where((eb) => eb.or([eb('expires_on', 'is', null), eb('expires_on', '>=', on)]))
    .orderBy('given_on', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, categories: r.categories as ConsentCategory[] }));
}

/** Whether one consent row is valid on a day: the same rule as validConsents, for a row at hand. */
export function isValidOn(c: { withdrawn_at: Date | string | null; given_on: string; expires_on: string | null }, on: string): boolean {
  return c.withdrawn_at === null && c.given_on <= on && (c.expires_on === null || c.expires_on >= on);
}

/** Whether every one of the categories is covered. */
export async function consentCovers(
  db: Db | Tx,
  participantId: string,
  organisationId: string,
  categories: ConsentCategory[],
  on?: string,
): Promise<boolean> {
  const granted = await consentedCategories(db, participantId, organisationId, on);
  return categories.every((c) => granted.has(c));
}

export function listConsentRows(db: Db | Tx, networkId: string, participantId: string) {
  return db
    .selectFrom('consents')
    .innerJoin('organisations', 'organisations.id', 'consents.recipient_organisation_id')
    .selectAll('consents')
    .select('organisations.name as recipient_name')
    .where('consents.network_id', '=', networkId)
    .where('consents.participant_id', '=', participantId)
    .orderBy('consents.given_on', 'desc')
    .orderBy('consents.created_at', 'desc');
}

type Row = Awaited<ReturnType<ReturnType<typeof listConsentRows>['executeTakeFirstOrThrow']>>;

export function toView(r: Row): ConsentView {
  const day = today();
  return {
    id: r.id,
    participantId: r.participant_id,
    recipientOrganisationId: r.recipient_organisation_id,
    recipientName: r.recipient_name,
    categories: r.categories as ConsentCategory[],
    formVersion: r.form_version,
    language: r.language,
    givenOn: r.given_on,
    method: r.method,
    expiresOn: r.expires_on,
    withdrawnAt: r.withdrawn_at ? new Date(r.withdrawn_at).toISOString() : null,
    withdrawalNote: r.withdrawal_note,
    status: r.withdrawn_at ? 'withdrawn' : r.expires_on && r.expires_on < day ? 'expired' : 'active',
    version: r.version,
  };
}
