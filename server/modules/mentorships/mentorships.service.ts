import { today } from '../../dates.ts';
import type { Db, Tx } from '../../db/database.ts';
import { Conflict, Invalid, NotFound } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { hasRole, participantOfficeScope, requireMay, requireParticipantScope, type Action } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { consentedCategories } from '../consents/consents.queries.ts';
import { employerExists } from '../employers/employers.queries.ts';
import { requireParticipant } from '../participants/participants.service.ts';
import { onboardingGaps, type OnboardingGap } from '../volunteers/onboarding.ts';
import { findSettings, findVolunteer } from '../volunteers/volunteers.queries.ts';
import * as q from './mentorships.queries.ts';
import type {
  HoursQuery,
  MentorshipCreateInput,
  MentorshipDetail,
  MentorshipEndInput,
  MentorshipListQuery,
  MentorshipUpdateInput,
  MentorshipView,
} from './mentorships.schemas.ts';

const changedBySomeoneElse = 'The mentorship was changed by someone else';
const GAP_MESSAGES: Record<OnboardingGap, string> = {
  agreement: 'The volunteering agreement is not signed',
  pledge: 'The confidentiality pledge is not signed',
  certificate: 'The network requires an extended certificate of conduct',
  certificate_too_old: "The certificate of conduct is older than the network's rule allows",
};

/** The mentorship as the participant's office sees it, or 404; roles without an office get 403. */
export async function requireMentorship(db: Db | Tx, ctx: ServiceContext, id: string, action: Action) {
  const officeIds = requireParticipantScope(ctx.actor);
  const row = await q.findMentorship(db, ctx.networkId, id);
  if (!row || !officeIds.includes(row.office_id)) throw new NotFound('Mentorship');
  requireMay(ctx.actor, action, { type: 'mentorship', officeId: row.office_id });
  return row;
}

const view = async (tx: Tx, ctx: ServiceContext, id: string) => q.toMentorshipView((await q.findMentorship(tx, ctx.networkId, id))!);

export async function listMentorships(db: Db, ctx: ServiceContext, query: MentorshipListQuery) {
  const officeIds = requireParticipantScope(ctx.actor);
  const { rows, total } = await q.listMentorships(db, ctx.networkId, officeIds, query);
  const items = rows.map(q.toMentorshipView);
  await db
    .transaction()
    .execute((tx) =>
      recordAudit(tx, ctx, { action: 'mentorship.list', entityType: 'mentorship', details: { ids: items.map((i) => i.id) } }),
    );
  return { items, total, page: query.page, pageSize: query.pageSize };
}

export async function getMentorship(db: Db, ctx: ServiceContext, id: string): Promise<MentorshipDetail> {
  const row = await requireMentorship(db, ctx, id, 'read');
  const meetings = await q.listMeetings(db, ctx.networkId, [id]);
  await db.transaction().execute((tx) => recordAudit(tx, ctx, { action: 'mentorship.read', entityType: 'mentorship', entityId: id }));
  return { ...q.toMentorshipView(row), meetings };
}

/**
 * Starts a mentorship. Refused with a reason per field unless the volunteer is active,
 * onboarded by the network's rule and has a free place, and the participant's consent to
 * the volunteer's group covers contact details (the mentor will call them).
 */
export async function createMentorship(db: Db, ctx: ServiceContext, input: MentorshipCreateInput): Promise<MentorshipView> {
  requireParticipantScope(ctx.actor);
  return db.transaction().execute(async (tx) => {
    const person = await requireParticipant(tx, ctx, input.participantId, 'read');
    requireMay(ctx.actor, 'create', { type: 'mentorship', officeId: person.office_id });
    const volunteer = await findVolunteer(tx, ctx.networkId, input.volunteerId);
    if (!volunteer) throw new Invalid('Unknown volunteer', { volunteerId: ['Choose a volunteer of the network'] });
    if (volunteer.status !== 'active') throw new Invalid('The volunteer is not active', { volunteerId: ['The volunteer is not active'] });
    const gaps = onboardingGaps(
      {
        agreementSignedOn: volunteer.agreement_signed_on,
        pledgeSignedOn: volunteer.pledge_signed_on,
        certificateIssuedOn: volunteer.certificate_issued_on,
      },
      await findSettings(tx, ctx.networkId),
      today(),
    );
    if (gaps.length > 0) throw new Invalid('The volunteer is not onboarded', { volunteerId: gaps.map((g) => GAP_MESSAGES[g]) });
    if (Number(volunteer.active_mentorships ?? 0) >= volunteer.max_mentees) {
      throw new Invalid('The volunteer has no free place', { volunteerId: [`Mentors ${volunteer.max_mentees} people already`] });
    }
    const consented = await consentedCategories(tx, person.id, volunteer.organisation_id);
    if (!consented.has('contact')) {
      throw new Invalid('No valid consent', {
        participantId: [`No valid consent to share contact details with ${volunteer.organisation_name}`],
      });
    }
    if (input.employerId && !(await employerExists(tx, ctx.networkId, input.employerId))) {
      throw new Invalid('Unknown employer', { employerId: ['Choose an employer of the network'] });
    }
    const running = await tx
      .selectFrom('mentorships')
      .select('id')
      .where('volunteer_id', '=', volunteer.id)
      .where('participant_id', '=', person.id)
      .where('ends_on', 'is', null)
      .executeTakeFirst();
    if (running) throw new Invalid('Already a running mentorship', { volunteerId: ['This volunteer mentors the person already'] });
    const { id } = await tx
      .insertInto('mentorships')
      .values({
        network_id: ctx.networkId,
        volunteer_id: volunteer.id,
        participant_id: person.id,
        office_id: person.office_id,
        kind: input.kind,
        employer_id: input.employerId ?? null,
        starts_on: input.startsOn,
        goals: input.goals,
        created_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'mentorship.create',
      entityType: 'mentorship',
      entityId: id,
      details: { participantId: person.id, volunteerId: volunteer.id, kind: input.kind },
    });
    return view(tx, ctx, id);
  });
}

async function save(
  db: Db,
  ctx: ServiceContext,
  id: string,
  version: number,
  change: (before: q.MentorshipRow) => { goals?: string; ends_on?: string; end_reason?: MentorshipEndInput['endReason'] },
  action: 'mentorship.update' | 'mentorship.end',
): Promise<MentorshipView> {
  return db.transaction().execute(async (tx) => {
    const before = await requireMentorship(tx, ctx, id, 'update');
    if (before.version !== version) throw new Conflict(changedBySomeoneElse, await view(tx, ctx, id));
    const values = change(before);
    const updated = await tx
      .updateTable('mentorships')
      .set((eb) => ({ ...values, updated_at: new Date(), version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('network_id', '=', ctx.networkId)
      .where('version', '=', version)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new Conflict(changedBySomeoneElse, await view(tx, ctx, id));
    await recordAudit(tx, ctx, { action, entityType: 'mentorship', entityId: id, details: { fields: Object.keys(values) } });
    return view(tx, ctx, id);
  });
}

export function updateMentorship(db: Db, ctx: ServiceContext, id: string, input: MentorshipUpdateInput) {
  return save(db, ctx, id, input.version, () => ({ goals: input.goals }), 'mentorship.update');
}

/** Ends it on a day that has come, with the reason; from then on the mentor no longer sees the person. */
export function endMentorship(db: Db, ctx: ServiceContext, id: string, input: MentorshipEndInput) {
  return save(
    db,
    ctx,
    id,
    input.version,
    (before) => {
      if (before.ends_on) throw new Invalid('The mentorship has ended already', { endsOn: ['Ended already'] });
      if (input.endsOn < before.starts_on) throw new Invalid('Ends before it starts', { endsOn: ['Not before the start'] });
      if (input.endsOn > today()) throw new Invalid('An end in the future', { endsOn: ['Not after today'] });
      return { ends_on: input.endsOn, end_reason: input.endReason };
    },
    'mentorship.end',
  );
}

/** Hours held per volunteer in a period: a case manager's offices, or the whole network for its admins. */
export async function mentorHours(db: Db, ctx: ServiceContext, period: HoursQuery) {
  requireMay(ctx.actor, 'read', { type: 'mentorHours' });
  const offices = participantOfficeScope(ctx.actor);
  const scope = hasRole(ctx.actor, 'network_admin') ? null : offices;
  const items = await q.hoursPerVolunteer(db, ctx.networkId, scope, period);
  await db.transaction().execute((tx) =>
    recordAudit(tx, ctx, {
      action: 'mentorship.hours',
      entityType: 'volunteer',
      details: { from: period.from, to: period.to, ids: items.map((i) => i.volunteerId) },
    }),
  );
  return { from: period.from, to: period.to, items };
}
