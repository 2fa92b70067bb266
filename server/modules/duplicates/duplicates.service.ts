import type { Db } from '../../db/database.ts';
import { Forbidden, Invalid, NotFound } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { type Actor, participantOfficeScope, requireParticipantScope } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireParticipant } from '../participants/participants.service.ts';
import { findCandidates, findPairs } from './duplicates.queries.ts';
import type { DuplicateCandidate, DuplicateCheckInput, DuplicatePair } from './duplicates.schemas.ts';

type CandidateRow = Awaited<ReturnType<typeof findCandidates>>[number];

/** Candidates as the actor may see them: another office's person shows only the office. */
export function toCandidates(actor: Actor, rows: CandidateRow[]): DuplicateCandidate[] {
  const visibleOffices = new Set(participantOfficeScope(actor));
  return rows.map((r) => {
    const visible = visibleOffices.has(r.office_id);
    return {
      id: r.id,
      visible,
      officeName: r.office_name,
      givenNames: visible ? r.given_names : null,
      familyName: visible ? r.family_name : null,
      birthDate: visible ? r.birth_date : null,
      birthDateMatch: r.birth_date_match,
      similarity: r.similarity,
    };
  });
}

/** Likely duplicates of a person about to be created or edited, across the network. */
export async function checkDuplicates(db: Db, ctx: ServiceContext, input: DuplicateCheckInput): Promise<DuplicateCandidate[]> {
  // Only someone who may create participants may probe for them.
  requireParticipantScope(ctx.actor);
  if (input.excludeId) await requireParticipant(db, ctx, input.excludeId, 'read');
  const candidates = toCandidates(ctx.actor, await findCandidates(db, ctx.networkId, input));
  await db.transaction().execute((tx) =>
    recordAudit(tx, ctx, {
      action: 'duplicate.check',
      entityType: 'participant',
      details: { shown: candidates.filter((c) => c.visible).map((c) => c.id) },
    }),
  );
  return candidates;
}

/** The review list: likely duplicate pairs that involve the actor's offices. */
export async function listDuplicatePairs(db: Db, ctx: ServiceContext): Promise<DuplicatePair[]> {
  const officeIds = requireParticipantScope(ctx.actor);
  const pairs = await findPairs(db, ctx.networkId, officeIds, 200);
  const ids = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('participants')
    .innerJoin('organisations', 'organisations.id', 'participants.office_id')
    .select([
      'participants.id',
      'participants.office_id',
      'organisations.name as office_name',
      'participants.given_names',
      'participants.family_name',
      'participants.birth_date',
    ])
    .where('participants.id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const candidate = (id: string, other: string) => {
    const r = byId.get(id)!;
    const o = byId.get(other)!;
    const match = r.birth_date === o.birth_date ? ('same' as const) : ('day_month_swapped' as const);
    return toCandidates(ctx.actor, [{ ...r, birth_date_match: match, similarity: 1 }])[0]!;
  };
  const result = pairs.map((p) => ({ a: candidate(p.a, p.b), b: candidate(p.b, p.a) }));
  await db
    .transaction()
    .execute((tx) => recordAudit(tx, ctx, { action: 'participant.list', entityType: 'participant', details: { ids, view: 'duplicates' } }));
  return result;
}

/** Two records judged to be different people leave the review list. */
export async function dismissPair(db: Db, ctx: ServiceContext, ids: [string, string]): Promise<void> {
  if (ids[0] === ids[1]) throw new Invalid('Two different records are needed', { ids: ['Two different records are needed'] });
  const [a, b] = [...ids].sort() as [string, string];
  await db.transaction().execute(async (tx) => {
    // One of the two must be the actor's; the other may be another office's.
    // Only "may not see it" counts as not visible; any other failure is a failure.
    let visible = 0;
    for (const id of [a, b]) {
      try {
        await requireParticipant(tx, ctx, id, 'update');
        visible += 1;
      } catch (err) {
        if (!(err instanceof NotFound || err instanceof Forbidden)) throw err;
      }
    }
    if (visible === 0) throw new NotFound('Participant');
    await tx
      .insertInto('duplicate_dismissals')
      .values({ network_id: ctx.networkId, participant_a: a, participant_b: b, dismissed_by: ctx.actor.userId })
      .onConflict((oc) => oc.columns(['participant_a', 'participant_b']).doNothing())
      .execute();
    await recordAudit(tx, ctx, { action: 'duplicate.dismiss', entityType: 'participant', entityId: a, details: { other: b } });
  });
}
