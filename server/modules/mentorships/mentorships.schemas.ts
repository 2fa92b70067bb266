import { z } from 'zod';
import { listQuery, pageOf } from '../../http/lists.ts';
import { IsoDate } from '../participants/participants.schemas.ts';

// Mentorships (Patenschaften) between a volunteer and a participant, or an apprentice and
// their training company, with the log of their meetings; and what staff see of them.

export const MENTORSHIP_KINDS = ['participant', 'apprenticeship'] as const;
export const MENTORSHIP_END_REASONS = ['goals_reached', 'placed', 'participant_left', 'mentor_left', 'no_contact', 'other'] as const;
export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `At most ${max} characters` });

export const MentorshipCreateInput = z
  .object({
    participantId: z.uuid(),
    volunteerId: z.uuid(),
    kind: z.enum(MENTORSHIP_KINDS).default('participant'),
    /** The training company of an apprenticeship mentorship. */
    employerId: z.uuid().nullish(),
    startsOn: IsoDate,
    goals: text(4000).default(''),
  })
  .refine((v) => (v.kind === 'apprenticeship') === !!v.employerId, {
    error: 'An apprenticeship mentorship names the training company, and only it does',
    path: ['employerId'],
  });
export type MentorshipCreateInput = z.infer<typeof MentorshipCreateInput>;

export const MentorshipUpdateInput = z.object({ goals: text(4000), version: z.number().int().positive() });
export type MentorshipUpdateInput = z.infer<typeof MentorshipUpdateInput>;

export const MentorshipEndInput = z.object({
  endsOn: IsoDate,
  endReason: z.enum(MENTORSHIP_END_REASONS),
  version: z.number().int().positive(),
});
export type MentorshipEndInput = z.infer<typeof MentorshipEndInput>;

const Time = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, { error: 'A time like 17:30' });
const Hours = z.number().gt(0, { error: 'More than 0' }).max(24, { error: 'At most 24' });

export const MeetingCreateInput = z.object({
  meetsOn: IsoDate,
  startsAt: Time.nullish().or(z.literal('').transform(() => null)),
  place: text(200)
    .transform((v) => v || null)
    .nullish(),
  status: z.enum(MEETING_STATUSES).default('planned'),
  /** Needed for a meeting that was held; the time the volunteer gave. */
  hours: Hours.nullish(),
  note: text(4000).default(''),
});
export type MeetingCreateInput = z.infer<typeof MeetingCreateInput>;

export const MeetingUpdateInput = MeetingCreateInput.partial().extend({
  status: z.enum(MEETING_STATUSES).optional(),
  note: text(4000).optional(),
  version: z.number().int().positive(),
});
export type MeetingUpdateInput = z.infer<typeof MeetingUpdateInput>;

export const MeetingView = z.object({
  id: z.uuid(),
  mentorshipId: z.uuid(),
  meetsOn: IsoDate,
  startsAt: z.string().nullable(),
  place: z.string().nullable(),
  status: z.enum(MEETING_STATUSES),
  hours: z.number().nullable(),
  note: z.string(),
  version: z.number().int(),
});
export type MeetingView = z.infer<typeof MeetingView>;

export const MentorshipView = z.object({
  id: z.uuid(),
  participantId: z.uuid(),
  participantName: z.string(),
  volunteerId: z.uuid(),
  volunteerName: z.string(),
  kind: z.enum(MENTORSHIP_KINDS),
  employerId: z.uuid().nullable(),
  employerName: z.string().nullable(),
  startsOn: IsoDate,
  goals: z.string(),
  endsOn: IsoDate.nullable(),
  endReason: z.enum(MENTORSHIP_END_REASONS).nullable(),
  /** Hours of the meetings held so far. */
  hours: z.number(),
  version: z.number().int(),
  updatedAt: z.iso.datetime(),
});
export type MentorshipView = z.infer<typeof MentorshipView>;
export const MentorshipDetail = MentorshipView.extend({ meetings: z.array(MeetingView) });
export type MentorshipDetail = z.infer<typeof MentorshipDetail>;

export const MentorshipListQuery = listQuery(['startsOn', 'participant', 'volunteer']).extend({
  status: z.enum(['running', 'ended']).optional(),
  volunteerId: z.uuid().optional(),
  participantId: z.uuid().optional(),
});
export type MentorshipListQuery = z.infer<typeof MentorshipListQuery>;
export const MentorshipPage = pageOf(MentorshipView);

export const HoursQuery = z
  .object({ from: IsoDate, to: IsoDate })
  .refine((v) => v.from <= v.to, { error: 'The period ends before it starts', path: ['to'] });
export type HoursQuery = z.infer<typeof HoursQuery>;
export const MentorHours = z.object({ volunteerId: z.uuid(), volunteerName: z.string(), meetings: z.number().int(), hours: z.number() });
export type MentorHours = z.infer<typeof MentorHours>;
export const MentorHoursList = z.object({ from: IsoDate, to: IsoDate, items: z.array(MentorHours) });

export const MentorSuggestion = z.object({
  volunteerId: z.uuid(),
  volunteerName: z.string(),
  organisationName: z.string(),
  score: z.number().int(),
  reasons: z.object({
    /** Languages both speak, besides German. */
    languages: z.array(z.string()),
    /** The person's desired occupation the volunteer's profession or skills are close to. */
    occupation: z.string().nullable(),
    distanceKm: z.number().nullable(),
    freeCapacity: z.number().int(),
  }),
});
export type MentorSuggestion = z.infer<typeof MentorSuggestion>;
export const MentorSuggestionList = z.array(MentorSuggestion);
