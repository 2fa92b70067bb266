import type { Db, Tx } from '../../db/database.ts';
import { Conflict, Invalid, NotFound } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { may, requireMay, type Action } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { givenFields } from '../employers/employers.service.ts';
import * as q from './offers.queries.ts';
import type { OfferCreateInput, OfferListQuery, OfferUpdateInput, OfferView } from './offers.schemas.ts';
import { fillFreePlaces } from './waiting-list.ts';

// The catalogue of offers. The catalogue holds no personal data, so reading it is not
// audited; every change is. The provider's caseworkers keep their organisation's offers,
// network admins all of them.

const changedBySomeoneElse = 'The offer was changed by someone else';

const manageable = (ctx: ServiceContext, providerId: string) => may(ctx.actor, 'update', { type: 'offer', providerId });
const view = (ctx: ServiceContext, row: q.OfferViewRow) => q.toOfferView(row, manageable(ctx, row.provider_organisation_id));

/** The offer, or 404 (another network's); 403 for roles that never see the catalogue. */
export async function requireOffer(db: Db | Tx, ctx: ServiceContext, id: string, action: Action) {
  requireMay(ctx.actor, 'read', { type: 'offer', providerId: '' });
  const row = await q.findOfferView(db, ctx.networkId, id);
  if (!row) throw new NotFound('Offer');
  requireMay(ctx.actor, action, { type: 'offer', providerId: row.provider_organisation_id });
  return row;
}

export async function listOffers(db: Db, ctx: ServiceContext, query: OfferListQuery) {
  requireMay(ctx.actor, 'list', { type: 'offer', providerId: '' });
  const { rows, total } = await q.listOffers(db, ctx.networkId, query);
  return { items: rows.map((r) => view(ctx, r)), total, page: query.page, pageSize: query.pageSize };
}

export async function getOffer(db: Db, ctx: ServiceContext, id: string): Promise<OfferView> {
  return view(ctx, await requireOffer(db, ctx, id, 'read'));
}

export async function createOffer(db: Db, ctx: ServiceContext, input: OfferCreateInput): Promise<OfferView> {
  // A caseworker naming another organisation as the provider is refused outright (403).
  requireMay(ctx.actor, 'create', { type: 'offer', providerId: input.providerOrganisationId });
  return db.transaction().execute(async (tx) => {
    if (!(await q.isPartner(tx, ctx.networkId, input.providerOrganisationId)))
      throw new Invalid('Unknown provider', { providerOrganisationId: ['Choose a partner organisation of the network'] });
    const { id } = await tx
      .insertInto('offers')
      .values({
        network_id: ctx.networkId,
        provider_organisation_id: input.providerOrganisationId,
        kind: input.kind,
        target_groups: input.targetGroups,
        title: input.title,
        description: input.description,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        schedule: input.schedule ?? null,
        place: input.place ?? null,
        capacity: input.capacity,
        language: input.language,
        childcare: input.childcare,
        created_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'offer.create',
      entityType: 'offer',
      entityId: id,
      details: { providerId: input.providerOrganisationId, kind: input.kind, capacity: input.capacity },
    });
    return view(ctx, (await q.findOfferView(tx, ctx.networkId, id))!);
  });
}

/** Edits an offer; more places move the first waiting people up at once. */
export async function updateOffer(db: Db, ctx: ServiceContext, id: string, input: OfferUpdateInput): Promise<OfferView> {
  const { version, ...changes } = input;
  return db.transaction().execute(async (tx) => {
    await requireOffer(tx, ctx, id, 'update');
    const before = (await q.lockOffer(tx, ctx.networkId, id))!;
    if (before.version !== version) throw new Conflict(changedBySomeoneElse, view(ctx, (await q.findOfferView(tx, ctx.networkId, id))!));
    const startsOn = changes.startsOn ?? before.starts_on;
    const endsOn = changes.endsOn ?? before.ends_on;
    if (endsOn < startsOn) throw new Invalid('The end cannot be before the start', { endsOn: ['The end cannot be before the start'] });
    const taken = await q.placesTaken(tx, id);
    if (changes.capacity !== undefined && changes.capacity < taken)
      throw new Invalid('Fewer places than people enrolled', { capacity: [`${taken} places are taken already`] });
    const updated = await tx
      .updateTable('offers')
      .set((eb) => ({
        kind: changes.kind,
        target_groups: changes.targetGroups,
        title: changes.title,
        description: changes.description,
        starts_on: changes.startsOn,
        ends_on: changes.endsOn,
        schedule: changes.schedule,
        place: changes.place,
        capacity: changes.capacity,
        language: changes.language,
        childcare: changes.childcare,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .where('network_id', '=', ctx.networkId)
      .returning(['id', 'capacity'])
      .executeTakeFirstOrThrow();
    const movedUp = await fillFreePlaces(tx, ctx, updated);
    await recordAudit(tx, ctx, {
      action: 'offer.update',
      entityType: 'offer',
      entityId: id,
      details: { fields: givenFields(changes), movedUp },
    });
    return view(ctx, (await q.findOfferView(tx, ctx.networkId, id))!);
  });
}

/** The network's partner organisations, who provide offers: the catalogue's provider filter and the form's choice. */
export async function listProviders(db: Db, ctx: ServiceContext) {
  requireMay(ctx.actor, 'list', { type: 'offer', providerId: '' });
  return db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('network_id', '=', ctx.networkId)
    .where('kind', '=', 'partner')
    .orderBy('name')
    .execute();
}
