import { z } from 'zod';
import { EXIT_REASONS } from '../cases/cases.schemas.ts';
import { IsoDate } from '../participants/participants.schemas.ts';
import { STEP_STATUSES, StepTypeLabels } from '../plans/plans.schemas.ts';

// Exchange appointments (Austauschtermine), the case conference (Fallbesprechung) with its
// decisions, the network's cycle rule and the personal calendar feed.

export const APPOINTMENT_KINDS = ['exchange', 'case_conference'] as const;
export const APPOINTMENT_STATES = ['planned', 'held', 'cancelled'] as const;
export const TASK_DECISIONS = ['done', 'continue', 'drop', 'new'] as const;

const Text = (max: number) => z.string().trim().max(max);

export const Decision = z
  .object({
    /** The task decided on; absent for a new task. */
    taskId: z.uuid().nullish(),
    decision: z.enum(TASK_DECISIONS),
    note: Text(2000).nullish(),
    /** For a new task. */
    stepTypeId: z.uuid().nullish(),
    text: Text(2000).nullish(),
    dueOn: IsoDate.nullish(),
  })
  .refine((d) => (d.decision === 'new' ? !!d.stepTypeId && !d.taskId : !!d.taskId), {
    error: 'A decision is about a task, or a new task with its type',
    path: ['decision'],
  });
export type Decision = z.infer<typeof Decision>;

export const AppointmentView = z.object({
  id: z.uuid(),
  referralId: z.uuid(),
  participantId: z.uuid(),
  participantName: z.string(),
  partnerName: z.string(),
  kind: z.enum(APPOINTMENT_KINDS),
  startsAt: z.iso.datetime(),
  durationMinutes: z.number().int(),
  location: z.string().nullable(),
  state: z.enum(APPOINTMENT_STATES),
  minutes: z.string().nullable(),
  decisions: z.array(Decision),
  nextSteps: z.string().nullable(),
  outcome: z.enum(['next_cycle', 'close_case']).nullable(),
  closedAt: z.iso.datetime().nullable(),
  version: z.number().int(),
});
export type AppointmentView = z.infer<typeof AppointmentView>;

export const AppointmentCreateInput = z.object({
  startsAt: z.iso.datetime({ offset: true }),
  durationMinutes: z.number().int().min(5).max(600).default(60),
  location: Text(300).nullish(),
});
export const AppointmentUpdateInput = z.object({
  version: z.number().int().positive(),
  startsAt: z.iso.datetime({ offset: true }).optional(),
  durationMinutes: z.number().int().min(5).max(600).optional(),
  location: Text(300).nullish(),
  state: z.enum(APPOINTMENT_STATES).optional(),
  minutes: Text(20000).nullish(),
});
export type AppointmentUpdateInput = z.infer<typeof AppointmentUpdateInput>;

export const AppointmentListQuery = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  referralId: z.uuid().optional(),
});

/** The conference's agenda: each task of the referral with its status. */
export const AgendaItem = z.object({
  taskId: z.uuid(),
  stepTypeKey: z.string(),
  stepTypeLabels: StepTypeLabels,
  text: z.string(),
  dueOn: IsoDate.nullable(),
  status: z.enum(STEP_STATUSES),
  progressNote: z.string().nullable(),
});
export const ConferenceView = AppointmentView.extend({ agenda: z.array(AgendaItem) });
export type ConferenceView = z.infer<typeof ConferenceView>;

export const ConferenceMinutesInput = z.object({
  version: z.number().int().positive(),
  decisions: z.array(Decision).max(80),
  nextSteps: Text(8000).nullish(),
  minutes: Text(20000).nullish(),
});
export type ConferenceMinutesInput = z.infer<typeof ConferenceMinutesInput>;

export const ConferenceCloseInput = z
  .object({
    version: z.number().int().positive(),
    /** next_cycle drafts the next plan version from the decisions; close_case ends the case. */
    outcome: z.enum(['next_cycle', 'close_case']),
    exitReason: z.enum(EXIT_REASONS).nullish(),
    exitDate: IsoDate.nullish(),
  })
  .refine((c) => c.outcome !== 'close_case' || (!!c.exitReason && !!c.exitDate), {
    error: 'Closing the case needs an exit reason and date',
    path: ['exitReason'],
  });
export type ConferenceCloseInput = z.infer<typeof ConferenceCloseInput>;

export const CycleRules = z.object({
  cycleMonths: z.number().int().min(1).max(24),
  exchangeAfterMonths: z.array(z.number().int().min(1).max(23)).max(6),
  conferenceWeeksBefore: z.number().int().min(1).max(12),
});
export type CycleRules = z.infer<typeof CycleRules>;

export const CalendarFeedView = z.object({
  active: z.boolean(),
  createdAt: z.iso.datetime().nullable(),
  /** Only in the answer that creates the feed: the token is not stored in clear. */
  url: z.string().nullable(),
});
