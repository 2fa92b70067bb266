import type { Db, Tx } from '../../db/database.ts';
import type { DueFollowUp, FollowUpView, PlacementView } from './placements.schemas.ts';

// The SQL of placements and their follow-ups.

type FollowUpRow = {
  id: string;
  placement_id: string;
  kind: 'day_28' | 'month_6';
  due_on: string;
  checked_on: string | null;
  still_employed: boolean | null;
  note: string | null;
  version: number;
};

export function toFollowUpView(r: FollowUpRow): FollowUpView {
  return {
    id: r.id,
    placementId: r.placement_id,
    kind: r.kind,
    dueOn: r.due_on,
    checkedOn: r.checked_on,
    stillEmployed: r.still_employed,
    note: r.note,
    version: r.version,
  };
}

/** Placements with their follow-ups, newest start first: one by id, or a participant's. */
export async function loadPlacements(
  db: Db | Tx,
  networkId: string,
  by: { id: string } | { participantId: string },
): Promise<PlacementView[]> {
  let query = db
    .selectFrom('placements')
    .leftJoin('users', 'users.id', 'placements.recorded_by')
    .selectAll('placements')
    .select(['users.display_name as recorded_by_name'])
    .where('placements.network_id', '=', networkId);
  query = 'id' in by ? query.where('placements.id', '=', by.id) : query.where('placements.participant_id', '=', by.participantId);
  const rows = await query.orderBy('placements.starts_on', 'desc').orderBy('placements.created_at', 'desc').execute();
  const followUps = rows.length
    ? await db
        .selectFrom('placement_follow_ups')
        .selectAll()
        .where(
          'placement_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('due_on')
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    participantId: r.participant_id,
    caseId: r.case_id,
    kind: r.kind,
    firstLabourMarket: r.first_labour_market,
    employerId: r.employer_id,
    employerName: r.employer_name,
    startsOn: r.starts_on,
    hoursPerWeek: r.hours_per_week,
    occupation: r.occupation,
    proposalId: r.proposal_id,
    closedCase: r.closed_case,
    followUps: followUps.filter((f) => f.placement_id === r.id).map(toFollowUpView),
    recordedByName: r.recorded_by_name,
    createdAt: new Date(r.created_at).toISOString(),
    version: r.version,
  }));
}

export async function dueFollowUpRows(db: Db | Tx, networkId: string, officeIds: string[], until: string): Promise<DueFollowUp[]> {
  const rows = await db
    .selectFrom('placement_follow_ups as f')
    .innerJoin('placements as p', 'p.id', 'f.placement_id')
    .innerJoin('participants', 'participants.id', 'p.participant_id')
    .selectAll('f')
    .select([
      'p.participant_id',
      'p.employer_name',
      'p.occupation',
      'p.starts_on',
      'participants.given_names',
      'participants.family_name',
      'participants.preferred_name',
    ])
    .where('f.network_id', '=', networkId)
    .where('p.office_id', 'in', officeIds)
    .where('f.checked_on', 'is', null)
    .where('f.due_on', '<=', until)
    .where('participants.merged_into', 'is', null)
    .orderBy('f.due_on')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    ...toFollowUpView(r),
    participantId: r.participant_id,
    participantName: `${r.preferred_name || r.given_names} ${r.family_name}`,
    employerName: r.employer_name,
    occupation: r.occupation,
    startsOn: r.starts_on,
  }));
}
