import { sql, type ExpressionBuilder } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { containsPattern } from '../../http/lists.ts';
import type { HoursQuery, MeetingView, MentorshipListQuery, MentorshipView } from './mentorships.schemas.ts';

// Every statement filters on the network; lists of staff also on their offices.

const sortColumn = {
  startsOn: 'mentorships.starts_on',
  participant: 'participants.family_name',
  volunteer: 'volunteers.display_name',
} as const;

/** Hours of the meetings held in a mentorship. */
const heldHours = (eb: ExpressionBuilder<DB, 'mentorships'>) =>
  eb
    .selectFrom('mentorship_meetings')
    .select(sql<string>`coalesce(sum(mentorship_meetings.hours), 0)`.as('h'))
    .whereRef('mentorship_meetings.mentorship_id', '=', 'mentorships.id')
    .where('mentorship_meetings.status', '=', 'held')
    .as('hours');

function baseSelect(db: Db | Tx, networkId: string) {
  return db
    .selectFrom('mentorships')
    .innerJoin('participants', 'participants.id', 'mentorships.participant_id')
    .innerJoin('volunteers', 'volunteers.id', 'mentorships.volunteer_id')
    .leftJoin('organisations as employer', 'employer.id', 'mentorships.employer_id')
    .where('mentorships.network_id', '=', networkId);
}

function selectView(base: ReturnType<typeof baseSelect>) {
  return base
    .selectAll('mentorships')
    .select([
      'participants.given_names',
      'participants.family_name',
      'participants.phone',
      'participants.email',
      'volunteers.display_name as volunteer_name',
      'volunteers.user_id as mentor_user_id',
      'volunteers.organisation_id as volunteer_group_id',
      'employer.name as employer_name',
    ])
    .select(heldHours);
}

export type MentorshipRow = Awaited<ReturnType<typeof findMentorship>> & object;

export function findMentorship(db: Db | Tx, networkId: string, id: string) {
  return selectView(baseSelect(db, networkId).where('mentorships.id', '=', id)).executeTakeFirst();
}

export const personName = (r: { given_names: string; family_name: string }) => `${r.given_names} ${r.family_name}`;

export function toMentorshipView(r: MentorshipRow): MentorshipView {
  return {
    id: r.id,
    participantId: r.participant_id,
    participantName: personName(r),
    volunteerId: r.volunteer_id,
    volunteerName: r.volunteer_name,
    kind: r.kind,
    employerId: r.employer_id,
    employerName: r.employer_name,
    startsOn: r.starts_on,
    goals: r.goals,
    endsOn: r.ends_on,
    endReason: r.end_reason,
    hours: Number(r.hours ?? 0),
    version: r.version,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/** A page of mentorships of these offices. */
export async function listMentorships(db: Db, networkId: string, officeIds: string[], query: MentorshipListQuery) {
  let base = baseSelect(db, networkId).where('mentorships.office_id', 'in', officeIds);
  if (query.status === 'running') base = base.where('mentorships.ends_on', 'is', null);
  if (query.status === 'ended') base = base.where('mentorships.ends_on', 'is not', null);
  if (query.volunteerId) base = base.where('mentorships.volunteer_id', '=', query.volunteerId);
  if (query.participantId) base = base.where('mentorships.participant_id', '=', query.participantId);
  if (query.q) {
    const pattern = containsPattern(query.q);
    base = base.where((eb) =>
      eb.or([
        eb('participants.given_names', 'ilike', pattern),
        eb('participants.family_name', 'ilike', pattern),
        eb('volunteers.display_name', 'ilike', pattern),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    selectView(base)
      .orderBy(sortColumn[query.sort], query.order)
      .orderBy('mentorships.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The running mentorships whose volunteer is this user, in these groups: the mentor's mentees. */
export function listMenteeRows(db: Db, networkId: string, userId: string, groupIds: string[]) {
  return selectView(
    baseSelect(db, networkId)
      .where('volunteers.user_id', '=', userId)
      .where('volunteers.organisation_id', 'in', groupIds)
      .where('mentorships.ends_on', 'is', null),
  )
    .orderBy('participants.family_name')
    .orderBy('mentorships.id')
    .execute();
}

export async function listMeetings(db: Db | Tx, networkId: string, mentorshipIds: string[]): Promise<MeetingView[]> {
  if (mentorshipIds.length === 0) return [];
  const rows = await db
    .selectFrom('mentorship_meetings')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('mentorship_id', 'in', mentorshipIds)
    .orderBy('meets_on')
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
  return rows.map(toMeetingView);
}

type MeetingRow = Awaited<ReturnType<typeof findMeeting>> & object;
export function findMeeting(db: Db | Tx, networkId: string, id: string) {
  return db.selectFrom('mentorship_meetings').selectAll().where('network_id', '=', networkId).where('id', '=', id).executeTakeFirst();
}

export function toMeetingView(r: MeetingRow): MeetingView {
  return {
    id: r.id,
    mentorshipId: r.mentorship_id,
    meetsOn: r.meets_on,
    // time comes back as 17:30:00; the API speaks 17:30.
    startsAt: r.starts_at ? r.starts_at.slice(0, 5) : null,
    place: r.place,
    status: r.status,
    hours: r.hours === null ? null : Number(r.hours),
    note: r.note,
    version: r.version,
  };
}

/** Hours and meetings held per volunteer in a period; `officeIds` null: the whole network (admins). */
export async function hoursPerVolunteer(db: Db, networkId: string, officeIds: string[] | null, period: HoursQuery) {
  let query = db
    .selectFrom('mentorship_meetings')
    .innerJoin('mentorships', 'mentorships.id', 'mentorship_meetings.mentorship_id')
    .innerJoin('volunteers', 'volunteers.id', 'mentorships.volunteer_id')
    .where('mentorship_meetings.network_id', '=', networkId)
    .where('mentorship_meetings.status', '=', 'held')
    .where('mentorship_meetings.meets_on', '>=', period.from)
    .where('mentorship_meetings.meets_on', '<=', period.to);
  if (officeIds) query = query.where('mentorships.office_id', 'in', officeIds);
  const rows = await query
    .select(['volunteers.id', 'volunteers.display_name'])
    .select((eb) => [eb.fn.countAll<string>().as('meetings'), sql<string>`sum(mentorship_meetings.hours)`.as('hours')])
    .groupBy(['volunteers.id', 'volunteers.display_name'])
    .orderBy('volunteers.display_name')
    .execute();
  return rows.map((r) => ({ volunteerId: r.id, volunteerName: r.display_name, meetings: Number(r.meetings), hours: Number(r.hours) }));
}
