import { today } from '../../dates.ts';
import type { Db, Tx } from '../../db/database.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { may, mentorGroupScope, requireMay, type Action } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { consentedCategories } from '../consents/consents.queries.ts';
import type { MenteeSummary, MenteeView } from './mentee.schemas.ts';
import * as q from './mentorships.queries.ts';
import type { MeetingCreateInput, MeetingUpdateInput, MeetingView } from './mentorships.schemas.ts';

// The mentor's own view: their running mentorships' mentees and the meetings they record.
// Every read is audited, as reads of personal data are.

const resourceOf = (row: q.MentorshipRow) => ({
  type: 'mentee' as const,
  volunteerGroupId: row.volunteer_group_id,
  mentorUserId: row.mentor_user_id,
  live: row.ends_on === null,
});

/** The mentorship if the actor is its mentor and it runs; another's (or an ended one) is a 404; non-mentors get 403. */
async function requireMentee(db: Db | Tx, ctx: ServiceContext, mentorshipId: string, action: Action) {
  if (mentorGroupScope(ctx.actor).length === 0) throw new Forbidden();
  const row = await q.findMentorship(db, ctx.networkId, mentorshipId);
  if (!row || !may(ctx.actor, 'read', resourceOf(row))) throw new NotFound('Mentee');
  requireMay(ctx.actor, action, resourceOf(row));
  return row;
}

const hoursOf = (meetings: MeetingView[]) => meetings.reduce((sum, m) => sum + (m.status === 'held' ? (m.hours ?? 0) : 0), 0);

export async function listMentees(db: Db, ctx: ServiceContext) {
  const groups = mentorGroupScope(ctx.actor);
  if (groups.length === 0) throw new Forbidden();
  const rows = await q.listMenteeRows(db, ctx.networkId, ctx.actor.userId, groups);
  const meetings = await q.listMeetings(
    db,
    ctx.networkId,
    rows.map((r) => r.id),
  );
  const on = today();
  const items: MenteeSummary[] = rows.map((r) => ({
    mentorshipId: r.id,
    name: q.personName(r),
    kind: r.kind,
    employerName: r.employer_name,
    startsOn: r.starts_on,
    nextMeeting: meetings.find((m) => m.mentorshipId === r.id && m.status === 'planned' && m.meetsOn >= on) ?? null,
    hours: Number(r.hours ?? 0),
  }));
  await db.transaction().execute((tx) =>
    recordAudit(tx, ctx, {
      action: 'mentee.list',
      entityType: 'participant',
      details: { ids: rows.map((r) => r.participant_id) },
    }),
  );
  return { items, hours: items.reduce((sum, i) => sum + i.hours, 0) };
}

export async function getMentee(db: Db, ctx: ServiceContext, mentorshipId: string): Promise<MenteeView> {
  const row = await requireMentee(db, ctx, mentorshipId, 'read');
  // Recomputed on every request: a withdrawal hides the contact details at once.
  const contactShown = (await consentedCategories(db, row.participant_id, row.volunteer_group_id)).has('contact');
  const meetings = await q.listMeetings(db, ctx.networkId, [row.id]);
  await db.transaction().execute((tx) =>
    recordAudit(tx, ctx, {
      action: 'mentee.read',
      entityType: 'participant',
      entityId: row.participant_id,
      details: { mentorshipId, contactShown },
    }),
  );
  return {
    mentorshipId: row.id,
    name: q.personName(row),
    kind: row.kind,
    employerName: row.employer_name,
    startsOn: row.starts_on,
    hours: hoursOf(meetings),
    contact: contactShown ? { phone: row.phone, email: row.email } : null,
    goals: row.goals,
    meetings,
  };
}

/** A held meeting has hours and has happened; hours belong to held meetings only. */
function checkMeeting(m: { meetsOn: string; status: string; hours: number | null }, startsOn: string): void {
  if (m.meetsOn < startsOn) throw new Invalid('Before the mentorship began', { meetsOn: ['Not before the mentorship began'] });
  if (m.status === 'held' && m.hours === null) throw new Invalid('How long was the meeting?', { hours: ['Required for a meeting held'] });
  if (m.status !== 'held' && m.hours !== null) throw new Invalid('Hours for a meeting held only', { hours: ['Only for a meeting held'] });
  if (m.status === 'held' && m.meetsOn > today()) throw new Invalid('A meeting held in the future', { meetsOn: ['Not after today'] });
}

export async function createMeeting(db: Db, ctx: ServiceContext, mentorshipId: string, input: MeetingCreateInput): Promise<MeetingView> {
  return db.transaction().execute(async (tx) => {
    const row = await requireMentee(tx, ctx, mentorshipId, 'create');
    const hours = input.hours ?? null;
    checkMeeting({ meetsOn: input.meetsOn, status: input.status, hours }, row.starts_on);
    const { id } = await tx
      .insertInto('mentorship_meetings')
      .values({
        network_id: ctx.networkId,
        mentorship_id: mentorshipId,
        meets_on: input.meetsOn,
        starts_at: input.startsAt ?? null,
        place: input.place ?? null,
        status: input.status,
        hours,
        note: input.note,
        recorded_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'mentorship_meeting.create',
      entityType: 'mentorship_meeting',
      entityId: id,
      details: { mentorshipId, status: input.status },
    });
    return q.toMeetingView((await q.findMeeting(tx, ctx.networkId, id))!);
  });
}

export async function updateMeeting(db: Db, ctx: ServiceContext, meetingId: string, input: MeetingUpdateInput): Promise<MeetingView> {
  const { version, ...changes } = input;
  return db.transaction().execute(async (tx) => {
    const before = await q.findMeeting(tx, ctx.networkId, meetingId);
    if (!before) throw new NotFound('Meeting');
    const row = await requireMentee(tx, ctx, before.mentorship_id, 'update');
    const current = () => q.toMeetingView(before);
    if (before.version !== version) throw new Conflict('The meeting was changed by someone else', current());
    const status = changes.status ?? before.status;
    // Moving a held meeting back to planned or cancelled drops its hours unless new ones are given.
    const hours = changes.hours !== undefined ? changes.hours : status === 'held' ? (current().hours ?? null) : null;
    checkMeeting({ meetsOn: changes.meetsOn ?? before.meets_on, status, hours }, row.starts_on);
    const updated = await tx
      .updateTable('mentorship_meetings')
      .set((eb) => ({
        meets_on: changes.meetsOn,
        starts_at: changes.startsAt,
        place: changes.place,
        status: changes.status,
        hours,
        note: changes.note,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', meetingId)
      .where('network_id', '=', ctx.networkId)
      .where('version', '=', version)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new Conflict('The meeting was changed by someone else', current());
    await recordAudit(tx, ctx, {
      action: 'mentorship_meeting.update',
      entityType: 'mentorship_meeting',
      entityId: meetingId,
      details: {
        mentorshipId: before.mentorship_id,
        fields: Object.keys(changes).filter((k) => changes[k as keyof typeof changes] !== undefined),
      },
    });
    return q.toMeetingView((await q.findMeeting(tx, ctx.networkId, meetingId))!);
  });
}
