import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import { today } from '../../dates.ts';
import { employerScope, participantOfficeScope, type Actor } from '../access/policy.ts';
import { liveForCaseworker } from '../referrals/referrals.access.ts';

// The SQL of proposals: rows with the names the board shows, who may see which, and the
// live referral through which a partner's caseworker works with a participant.

export function proposalRows(db: Db | Tx, networkId: string) {
  return db
    .selectFrom('proposals')
    .innerJoin('vacancies', 'vacancies.id', 'proposals.vacancy_id')
    .innerJoin('organisations as employer', 'employer.id', 'proposals.employer_id')
    .innerJoin('participants', 'participants.id', 'proposals.participant_id')
    .leftJoin('users as proposer', 'proposer.id', 'proposals.proposed_by')
    .selectAll('proposals')
    .select([
      'vacancies.title as vacancy_title',
      'employer.name as employer_name',
      'participants.given_names',
      'participants.family_name',
      'participants.preferred_name',
      'participants.current_case_id',
      'proposer.display_name as proposed_by_name',
    ])
    .where('proposals.network_id', '=', networkId);
}
export type ProposalRow = NonNullable<Awaited<ReturnType<ReturnType<typeof proposalRows>['executeTakeFirst']>>>;

/**
 * Proposals the actor may see, as SQL: the office's, the employer's own, and for a
 * partner's caseworker those of people they hold a live referral for.
 */
export function visibleTo(actor: Actor) {
  const offices = participantOfficeScope(actor);
  const employers = employerScope(actor);
  return sql<boolean>`(proposals.office_id = ANY(${offices}::uuid[])
    OR proposals.employer_id = ANY(${employers}::uuid[])
    OR EXISTS (SELECT 1 FROM referrals WHERE referrals.network_id = proposals.network_id
      AND referrals.participant_id = proposals.participant_id AND ${liveForCaseworker(actor, today())}))`;
}

/** The live referral of the actor (as its named caseworker) for a participant, if any. */
export function liveReferralOf(db: Db | Tx, actor: Actor, participantId: string) {
  return db
    .selectFrom('referrals')
    .select(['id', 'partner_organisation_id', 'caseworker_id'])
    .where('network_id', '=', actor.networkId)
    .where('participant_id', '=', participantId)
    .where(liveForCaseworker(actor, today()))
    .executeTakeFirst();
}

export function stageHistory(db: Db | Tx, proposalIds: string[]) {
  if (proposalIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('proposal_stages')
    .leftJoin('users', 'users.id', 'proposal_stages.moved_by')
    .select([
      'proposal_stages.proposal_id',
      'proposal_stages.stage',
      'proposal_stages.stage_on',
      'proposal_stages.note',
      'proposal_stages.moved_by_role',
      'users.display_name',
    ])
    .where('proposal_stages.proposal_id', 'in', proposalIds)
    .orderBy('proposal_stages.id')
    .execute();
}
