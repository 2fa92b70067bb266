import { today } from '../../dates.ts';
import type { Db } from '../../db/database.ts';
import type { ServiceContext } from '../../http/context.ts';
import { requireMay, requireParticipantScope } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { coordinatesOf } from '../geo/postcodes.ts';
import { requireParticipant } from '../participants/participants.service.ts';
import { onboardingGaps } from '../volunteers/onboarding.ts';
import { findSettings } from '../volunteers/volunteers.queries.ts';
import type { MentorSuggestion } from './mentorships.schemas.ts';
import { rankVolunteers } from './suggestions.score.ts';

const SHOWN = 10;

/** The desired occupations of the person's latest intake (goals section), if any. */
async function desiredOccupations(db: Db, networkId: string, participantId: string): Promise<string[]> {
  const intake = await db
    .selectFrom('intakes')
    .select('sections')
    .where('network_id', '=', networkId)
    .where('participant_id', '=', participantId)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  const goals = intake?.sections.goals as { desiredOccupations?: unknown } | undefined;
  return Array.isArray(goals?.desiredOccupations) ? goals.desiredOccupations.filter((o): o is string => typeof o === 'string') : [];
}

/**
 * Volunteers who could mentor the person: active, onboarded by the network's rule, with a
 * free place and not mentoring them already; ranked by suggestions.score.ts, with reasons.
 * For the person's case managers, who start mentorships.
 */
export async function suggestMentors(db: Db, ctx: ServiceContext, participantId: string): Promise<MentorSuggestion[]> {
  requireParticipantScope(ctx.actor);
  const person = await requireParticipant(db, ctx, participantId, 'read');
  requireMay(ctx.actor, 'create', { type: 'mentorship', officeId: person.office_id });
  const [rule, occupations, volunteers] = await Promise.all([
    findSettings(db, ctx.networkId),
    desiredOccupations(db, ctx.networkId, participantId),
    db
      .selectFrom('volunteers')
      .innerJoin('organisations', 'organisations.id', 'volunteers.organisation_id')
      .selectAll('volunteers')
      .select('organisations.name as organisation_name')
      .select((eb) =>
        eb
          .selectFrom('mentorships')
          .select(eb.fn.countAll<string>().as('n'))
          .whereRef('mentorships.volunteer_id', '=', 'volunteers.id')
          .where('mentorships.ends_on', 'is', null)
          .as('active'),
      )
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom('mentorships')
              .select('mentorships.id')
              .whereRef('mentorships.volunteer_id', '=', 'volunteers.id')
              .where('mentorships.participant_id', '=', participantId)
              .where('mentorships.ends_on', 'is', null),
          )
          .as('mentors_already'),
      )
      .where('volunteers.network_id', '=', ctx.networkId)
      .where('volunteers.status', '=', 'active')
      .execute(),
  ]);
  const on = today();
  const candidates = volunteers.filter(
    (v) =>
      !v.mentors_already &&
      onboardingGaps(
        { agreementSignedOn: v.agreement_signed_on, pledgeSignedOn: v.pledge_signed_on, certificateIssuedOn: v.certificate_issued_on },
        rule,
        on,
      ).length === 0,
  );
  const ranked = rankVolunteers(
    { languages: person.languages.map((l) => l.language), occupations, coordinates: coordinatesOf(person.postcode) },
    candidates.map((v) => ({
      volunteerId: v.id,
      languages: v.languages,
      profession: v.profession,
      skills: v.skills,
      coordinates: coordinatesOf(v.postcode),
      maxMentees: v.max_mentees,
      activeMentorships: Number(v.active ?? 0),
    })),
  ).slice(0, SHOWN);
  const byId = new Map(candidates.map((v) => [v.id, v]));
  await db.transaction().execute((tx) =>
    recordAudit(tx, ctx, {
      action: 'mentorship.suggest',
      entityType: 'participant',
      entityId: participantId,
      details: { volunteerIds: ranked.map((r) => r.volunteerId) },
    }),
  );
  return ranked.map(({ volunteerId, score, languages, occupation, distanceKm, freeCapacity }) => ({
    volunteerId,
    volunteerName: byId.get(volunteerId)!.display_name,
    organisationName: byId.get(volunteerId)!.organisation_name,
    score,
    reasons: { languages, occupation, distanceKm, freeCapacity },
  }));
}
