import { z } from 'zod';
import { today } from '../../dates.ts';
import { CONSENT_CATEGORIES } from '../consents/consents.schemas.ts';
import { IsoDate } from '../participants/participants.schemas.ts';
import { ATTENDANCE_STATUSES, ENROLMENT_STATES, OFFER_KINDS } from './offers.schemas.ts';

// Enrolments (Teilnahmen) in an offer, their waiting list, attendance per session date,
// completion and dropping out. Shared with the web app.

// Today in Germany, as the server's rules count days (dates.ts), also in the browser.
const notInFuture = (d: string) => d <= today();
const reason = z
  .string()
  .trim()
  .max(1000, { error: 'At most 1000 characters' })
  .transform((v) => v || null)
  .nullish();
const version = z.number().int().positive();

export const EnrolmentCreateInput = z.object({
  participantId: z.uuid({ error: 'Choose a participant' }),
  /** The step of the participant's current plan the enrolment serves; its status follows. */
  planStepId: z.uuid().nullish(),
});
export type EnrolmentCreateInput = z.infer<typeof EnrolmentCreateInput>;

export const EnrolmentCancelInput = z.object({ version, reason });
export type EnrolmentCancelInput = z.infer<typeof EnrolmentCancelInput>;

export const EnrolmentDropOutInput = z.object({
  version,
  droppedOn: IsoDate.refine(notInFuture, { error: 'Cannot be in the future' }),
  reason,
});
export type EnrolmentDropOutInput = z.infer<typeof EnrolmentDropOutInput>;

export const EnrolmentCompleteInput = z
  .object({
    version,
    completedOn: IsoDate.refine(notInFuture, { error: 'Cannot be in the future' }),
    certificate: z.boolean(),
    certificateName: z
      .string()
      .trim()
      .max(200, { error: 'At most 200 characters' })
      .transform((v) => v || null)
      .nullish(),
    certificateOn: IsoDate.nullish(),
  })
  .refine((c) => !c.certificate || !!c.certificateName, { error: 'Name the certificate', path: ['certificateName'] });
export type EnrolmentCompleteInput = z.infer<typeof EnrolmentCompleteInput>;

export const AttendanceParams = z.object({ id: z.uuid({ error: 'Not a valid id' }), date: IsoDate });
export const AttendanceInput = z.object({
  status: z.enum(ATTENDANCE_STATUSES),
  /** The entry's version when it exists; absent for a first entry. */
  version: version.nullish(),
});
export type AttendanceInput = z.infer<typeof AttendanceInput>;

export const AttendanceView = z.object({
  sessionOn: IsoDate,
  status: z.enum(ATTENDANCE_STATUSES),
  version: z.number().int(),
});
export type AttendanceView = z.infer<typeof AttendanceView>;

/** What the provider sees of the person: the name, and what a consent to the provider covers today. */
export const EnrolledPerson = z.object({
  givenNames: z.string(),
  familyName: z.string(),
  preferredName: z.string().nullable(),
  /** Categories a valid consent to the provider covers today; null for the office, which sees the case file. */
  shared: z.array(z.enum(CONSENT_CATEGORIES)).nullable(),
  contact: z.object({ phone: z.string().nullable(), email: z.string().nullable() }).nullable(),
  personal: z
    .object({ birthDate: IsoDate.nullable(), germanLevel: z.string().nullable(), childcareNeeded: z.boolean().nullable() })
    .nullable(),
});

export const EnrolmentView = z.object({
  id: z.uuid(),
  offerId: z.uuid(),
  offerTitle: z.string(),
  offerKind: z.enum(OFFER_KINDS),
  offerStartsOn: IsoDate,
  offerEndsOn: IsoDate,
  providerName: z.string(),
  participantId: z.uuid(),
  person: EnrolledPerson,
  stepLineageId: z.uuid().nullable(),
  state: z.enum(ENROLMENT_STATES),
  /** 1 for the first on the waiting list; null when not waiting. */
  waitingPosition: z.number().int().nullable(),
  requestedAt: z.iso.datetime(),
  enrolledAt: z.iso.datetime().nullable(),
  completedOn: IsoDate.nullable(),
  certificate: z.boolean().nullable(),
  certificateName: z.string().nullable(),
  certificateOn: IsoDate.nullable(),
  endedOn: IsoDate.nullable(),
  endReason: z.string().nullable(),
  attendance: z.array(AttendanceView),
  version: z.number().int(),
});
export type EnrolmentView = z.infer<typeof EnrolmentView>;
