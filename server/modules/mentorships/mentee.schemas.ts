import { z } from 'zod';
import { IsoDate } from '../participants/participants.schemas.ts';
import { MeetingView, MENTORSHIP_KINDS } from './mentorships.schemas.ts';

// What a mentor sees of their mentees: the name, contact details only while the person's
// consent to the mentor's group covers contact, the mentorship's goals and its meetings.
// Nothing of the case file: these schemas are all that can leave the server.

export const MenteeContact = z.object({ phone: z.string().nullable(), email: z.string().nullable() });

export const MenteeSummary = z.object({
  mentorshipId: z.uuid(),
  name: z.string(),
  kind: z.enum(MENTORSHIP_KINDS),
  employerName: z.string().nullable(),
  startsOn: IsoDate,
  nextMeeting: MeetingView.nullable(),
  hours: z.number(),
});
export type MenteeSummary = z.infer<typeof MenteeSummary>;
export const MenteeList = z.object({ items: z.array(MenteeSummary), hours: z.number() });

export const MenteeView = MenteeSummary.omit({ nextMeeting: true }).extend({
  /** null: the consent does not (or no longer) cover contact details. */
  contact: MenteeContact.nullable(),
  goals: z.string(),
  meetings: z.array(MeetingView),
});
export type MenteeView = z.infer<typeof MenteeView>;
