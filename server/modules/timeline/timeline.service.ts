import type { Db, Tx } from '../../db/database.ts';
import type { ServiceContext } from '../../http/context.ts';
import type { CaseEventKind, CaseEventView } from './timeline.schemas.ts';

// The case timeline: what happened to a person's case, in order, for the case
// manager's eyes. Written in the same transaction as the change it tells of.

export async function recordCaseEvent(
  tx: Tx,
  ctx: ServiceContext,
  event: { participantId: string; caseId?: string | null; kind: CaseEventKind; data?: Record<string, unknown> },
): Promise<void> {
  await tx
    .insertInto('case_events')
    .values({
      network_id: ctx.networkId,
      participant_id: event.participantId,
      case_id: event.caseId ?? null,
      actor_user_id: ctx.actor.userId,
      kind: event.kind,
      data: JSON.stringify(event.data ?? {}),
    })
    .execute();
}

/** The timeline of one participant; the caller has checked access. */
export async function listCaseEvents(db: Db, networkId: string, participantId: string): Promise<CaseEventView[]> {
  const rows = await db
    .selectFrom('case_events')
    .leftJoin('users', 'users.id', 'case_events.actor_user_id')
    .select(['case_events.id', 'case_events.at', 'case_events.kind', 'case_events.data', 'users.display_name'])
    .where('case_events.network_id', '=', networkId)
    .where('case_events.participant_id', '=', participantId)
    .orderBy('case_events.at')
    .orderBy('case_events.id')
    .execute();
  return rows.map((r) => ({
    id: String(r.id),
    at: new Date(r.at).toISOString(),
    kind: r.kind as CaseEventKind,
    actorName: r.display_name,
    data: r.data,
  }));
}
