import type { Db, Tx } from '../../db/database.ts';

// The SQL of enrolments and their attendance. Every statement filters on the network.

function enrolmentSelect(db: Db | Tx, networkId: string) {
  return db
    .selectFrom('offer_enrolments as e')
    .innerJoin('offers', 'offers.id', 'e.offer_id')
    .innerJoin('organisations as provider', 'provider.id', 'offers.provider_organisation_id')
    .innerJoin('participants as p', 'p.id', 'e.participant_id')
    .selectAll('e')
    .select([
      'offers.title as offer_title',
      'offers.kind as offer_kind',
      'offers.starts_on as offer_starts_on',
      'offers.ends_on as offer_ends_on',
      'offers.provider_organisation_id as provider_id',
      'provider.name as provider_name',
      'p.given_names',
      'p.family_name',
      'p.preferred_name',
      'p.phone',
      'p.email',
      'p.birth_date',
      'p.german_level',
      'p.childcare_needed',
    ])
    .where('e.network_id', '=', networkId);
}

export type EnrolmentRow = Awaited<ReturnType<ReturnType<typeof enrolmentSelect>['executeTakeFirstOrThrow']>>;

/** One enrolment; `lock` holds its row for the rest of the transaction (writers). */
export function findEnrolment(db: Db | Tx, networkId: string, id: string, lock = false) {
  const query = enrolmentSelect(db, networkId).where('e.id', '=', id);
  return (lock ? query.forUpdate('e') : query).executeTakeFirst();
}

/**
 * An offer's enrolments the actor may see: all of them for the provider's caseworkers,
 * those of their own offices' participants for case managers. The waiting list in order.
 */
export function offerEnrolments(db: Db | Tx, networkId: string, offerId: string, scope: { providerIds: string[]; officeIds: string[] }) {
  return enrolmentSelect(db, networkId)
    .where('e.offer_id', '=', offerId)
    .where((eb) => {
      const visible = [];
      if (scope.providerIds.length) visible.push(eb('offers.provider_organisation_id', 'in', scope.providerIds));
      if (scope.officeIds.length) visible.push(eb('e.office_id', 'in', scope.officeIds));
      return visible.length ? eb.or(visible) : eb.val(false);
    })
    .orderBy('e.requested_at')
    .orderBy('e.id')
    .execute();
}

export function participantEnrolments(db: Db | Tx, networkId: string, participantId: string) {
  return enrolmentSelect(db, networkId).where('e.participant_id', '=', participantId).orderBy('e.requested_at', 'desc').execute();
}

/** Positions on each offer's waiting list, by enrolment id (1: the next to move up). */
export async function waitingPositions(db: Db | Tx, offerIds: string[]): Promise<Map<string, number>> {
  if (offerIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('offer_enrolments')
    .select(['id', 'offer_id'])
    .where('offer_id', 'in', [...new Set(offerIds)])
    .where('state', '=', 'waiting')
    .orderBy('requested_at')
    .orderBy('id')
    .execute();
  const next = new Map<string, number>();
  const positions = new Map<string, number>();
  for (const r of rows) {
    const position = (next.get(r.offer_id) ?? 0) + 1;
    next.set(r.offer_id, position);
    positions.set(r.id, position);
  }
  return positions;
}

/** The first on the offer's waiting list, held; call after the offer row is locked. */
export function firstWaiting(tx: Tx, offerId: string) {
  return tx
    .selectFrom('offer_enrolments')
    .selectAll()
    .where('offer_id', '=', offerId)
    .where('state', '=', 'waiting')
    .orderBy('requested_at')
    .orderBy('id')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
}

export async function attendanceOf(db: Db | Tx, enrolmentIds: string[]) {
  if (enrolmentIds.length === 0) return [];
  return db
    .selectFrom('offer_attendance')
    .select(['enrolment_id', 'session_on', 'status', 'version'])
    .where('enrolment_id', 'in', enrolmentIds)
    .orderBy('session_on')
    .execute();
}
