import type { OfferView } from '../../../server/modules/offers/offers.schemas.ts';

// What the offer form edits and how it becomes the API's input. Pure, so that it is unit-tested.

export interface OfferFormValues {
  providerOrganisationId: string;
  kind: string;
  targetGroups: string[];
  title: string;
  description: string;
  startsOn: string;
  endsOn: string;
  schedule: string;
  place: string;
  capacity: string;
  language: string;
  childcare: boolean;
}

export function offerValuesOf(offer: OfferView | null, providerId = ''): OfferFormValues {
  return {
    providerOrganisationId: offer?.providerOrganisationId ?? providerId,
    kind: offer?.kind ?? '',
    targetGroups: offer?.targetGroups ?? [],
    title: offer?.title ?? '',
    description: offer?.description ?? '',
    startsOn: offer?.startsOn ?? '',
    endsOn: offer?.endsOn ?? '',
    schedule: offer?.schedule ?? '',
    place: offer?.place ?? '',
    capacity: offer ? String(offer.capacity) : '',
    language: offer?.language ?? 'de',
    childcare: offer?.childcare ?? false,
  };
}

/** The create input (OfferCreateInput); an edit sends the same without the provider, with the version. */
export function offerInputOf(v: OfferFormValues) {
  const capacity = v.capacity.trim() === '' ? undefined : Number(v.capacity);
  return {
    providerOrganisationId: v.providerOrganisationId || undefined,
    kind: v.kind || undefined,
    targetGroups: v.targetGroups,
    title: v.title,
    description: v.description,
    startsOn: v.startsOn,
    endsOn: v.endsOn,
    schedule: v.schedule || null,
    place: v.place || null,
    capacity: capacity !== undefined && Number.isFinite(capacity) ? capacity : v.capacity || undefined,
    language: v.language.trim().toLowerCase(),
    childcare: v.childcare,
  };
}

/** The providers a user may publish offers for: every partner for a network admin, their own organisation for its caseworkers. */
export function publishableProviders(
  memberships: readonly { role: string; organisationId: string | null }[],
  providers: readonly { id: string; name: string }[],
): { id: string; name: string }[] {
  if (memberships.some((m) => m.role === 'network_admin')) return [...providers];
  const own = new Set(memberships.filter((m) => m.role === 'partner_caseworker').map((m) => m.organisationId));
  return providers.filter((p) => own.has(p.id));
}
