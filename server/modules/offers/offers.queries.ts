import { sql, type ExpressionBuilder } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { containsPattern } from '../../http/lists.ts';
import type { EnrolmentState, OfferListQuery, OfferView } from './offers.schemas.ts';

// The SQL of the catalogue. Every statement filters on the network: another network's offer
// is simply not found.

const sortColumn = {
  startsOn: 'offers.starts_on',
  title: 'offers.title',
  provider: 'organisations.name',
  updatedAt: 'offers.updated_at',
} as const;

/** Places taken: enrolled and completed (a completed person used the place). */
const TAKING_A_PLACE: EnrolmentState[] = ['enrolled', 'completed'];

function countOf(eb: ExpressionBuilder<DB, 'offers'>, states: EnrolmentState[]) {
  return eb
    .selectFrom('offer_enrolments')
    .select(eb.fn.countAll<string>().as('n'))
    .whereRef('offer_enrolments.offer_id', '=', 'offers.id')
    .where('offer_enrolments.state', 'in', states);
}

function baseSelect(db: Db | Tx, networkId: string) {
  return db
    .selectFrom('offers')
    .innerJoin('organisations', 'organisations.id', 'offers.provider_organisation_id')
    .where('offers.network_id', '=', networkId);
}

function selectView(base: ReturnType<typeof baseSelect>) {
  return base
    .selectAll('offers')
    .select('organisations.name as provider_name')
    .select((eb) => [countOf(eb, TAKING_A_PLACE).as('taken'), countOf(eb, ['waiting']).as('waiting')]);
}

export function findOfferView(db: Db | Tx, networkId: string, id: string) {
  return selectView(baseSelect(db, networkId).where('offers.id', '=', id)).executeTakeFirst();
}

export type OfferViewRow = NonNullable<Awaited<ReturnType<typeof findOfferView>>>;

/** The offer row held for the rest of the transaction: enrolments in it queue behind each other here. */
export function lockOffer(tx: Tx, networkId: string, id: string) {
  return tx.selectFrom('offers').selectAll().where('network_id', '=', networkId).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Places taken in an offer now; read after lockOffer, so no one else changes it meanwhile. */
export async function placesTaken(tx: Tx, offerId: string): Promise<number> {
  const { n } = await tx
    .selectFrom('offer_enrolments')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('offer_id', '=', offerId)
    .where('state', 'in', TAKING_A_PLACE)
    .executeTakeFirstOrThrow();
  return Number(n);
}

export function toOfferView(r: OfferViewRow, manageable: boolean): OfferView {
  const taken = Number(r.taken ?? 0);
  return {
    id: r.id,
    providerOrganisationId: r.provider_organisation_id,
    providerName: r.provider_name,
    kind: r.kind,
    targetGroups: r.target_groups,
    title: r.title,
    description: r.description,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    schedule: r.schedule,
    place: r.place,
    capacity: r.capacity,
    language: r.language,
    childcare: r.childcare,
    taken,
    waiting: Number(r.waiting ?? 0),
    freePlaces: Math.max(0, r.capacity - taken),
    manageable,
    updatedAt: new Date(r.updated_at).toISOString(),
    version: r.version,
  };
}

/** A page of the catalogue with the filters of OfferListQuery. */
export async function listOffers(db: Db, networkId: string, query: OfferListQuery) {
  let base = baseSelect(db, networkId);
  if (query.kind) base = base.where('offers.kind', '=', query.kind);
  if (query.targetGroup) base = base.where(sql<boolean>`offers.target_groups @> ARRAY[${query.targetGroup}]::text[]`);
  if (query.providerId) base = base.where('offers.provider_organisation_id', '=', query.providerId);
  if (query.from) base = base.where('offers.ends_on', '>=', query.from);
  if (query.until) base = base.where('offers.starts_on', '<=', query.until);
  if (query.childcare !== undefined) base = base.where('offers.childcare', '=', query.childcare);
  if (query.hasPlaces !== undefined) {
    const hasPlaces = query.hasPlaces;
    const taken = sql`(select count(*) from offer_enrolments e where e.offer_id = offers.id and e.state in ('enrolled', 'completed'))`;
    base = base.where(hasPlaces ? sql<boolean>`${taken} < offers.capacity` : sql<boolean>`${taken} >= offers.capacity`);
  }
  if (query.q) {
    const pattern = containsPattern(query.q);
    base = base.where((eb) => eb.or([eb('offers.title', 'ilike', pattern), eb('offers.description', 'ilike', pattern)]));
  }
  const [rows, count] = await Promise.all([
    selectView(base)
      .orderBy(sortColumn[query.sort], query.order)
      .orderBy('offers.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Whether the organisation is one of the network's partners (who provide offers). */
export async function isPartner(db: Db | Tx, networkId: string, organisationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('organisations')
    .select('id')
    .where('id', '=', organisationId)
    .where('network_id', '=', networkId)
    .where('kind', '=', 'partner')
    .executeTakeFirst();
  return !!row;
}
