import { z } from 'zod';
import { AppointmentView } from '../appointments/appointments.schemas.ts';
import { IsoDate } from '../participants/participants.schemas.ts';
import { STEP_STATUSES, StepTypeLabels } from '../plans/plans.schemas.ts';
import { ReferralListItem } from '../referrals/referrals.schemas.ts';
import { DeadlineView } from '../residence/residence.schemas.ts';

// The week's work: what a case manager or a partner's caseworker has to do next.

export const DueItem = z.object({
  /** A plan step (case manager) or a referral task (caseworker). */
  kind: z.enum(['step', 'task']),
  id: z.uuid(),
  participantId: z.uuid(),
  participantName: z.string(),
  /** The referral a task belongs to. */
  referralId: z.uuid().nullable(),
  stepTypeKey: z.string(),
  stepTypeLabels: StepTypeLabels,
  text: z.string(),
  responsibleOrganisationName: z.string(),
  dueOn: IsoDate.nullable(),
  status: z.enum(STEP_STATUSES),
  version: z.number().int(),
});
export type DueItem = z.infer<typeof DueItem>;

export const WeekView = z.object({
  from: IsoDate,
  to: IsoDate,
  /** Steps (case manager) and tasks (caseworker) due by `to`, overdue ones included. */
  due: z.array(DueItem),
  appointments: z.array(AppointmentView),
  /** Case conferences in the next four weeks, to prepare. */
  conferences: z.array(AppointmentView),
  /** Case manager: referrals sent and not yet answered. Caseworker: new referrals in the inbox. */
  referrals: z.array(ReferralListItem),
  /** Residence documents that expire and reviews that fall due (case manager). */
  deadlines: z.array(DeadlineView),
});
export type WeekView = z.infer<typeof WeekView>;

export const WeekQuery = z.object({ days: z.coerce.number().int().min(1).max(31).default(7) });
