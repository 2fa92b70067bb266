import { z } from 'zod';
import { IsoDate, PastDate } from '../participants/participants.schemas.ts';

// Placements (Vermittlungen) into work or apprenticeship, and their follow-ups 28 days and
// six months after the start. Shared with the web app.

export const PLACEMENT_KINDS = ['employment', 'apprenticeship', 'marginal_employment', 'self_employment'] as const;
export type PlacementKind = (typeof PLACEMENT_KINDS)[number];
export const FOLLOW_UP_KINDS = ['day_28', 'month_6'] as const;

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `At most ${max} characters` });

export const PlacementFields = z.object({
  kind: z.enum(PLACEMENT_KINDS),
  firstLabourMarket: z.boolean(),
  /** An employer of the network, or the name of one outside it. */
  employerId: z.uuid().nullish(),
  employerName: text(200)
    .transform((v) => v || null)
    .nullish(),
  startsOn: IsoDate,
  hoursPerWeek: z.number().gt(0, { error: 'More than 0' }).max(60, { error: 'At most 60' }).nullish(),
  occupation: text(200).min(1, { error: 'Required' }),
  /** The proposal that led to it, if any. */
  proposalId: z.uuid().nullish(),
});

export const PlacementCreateInput = PlacementFields.refine((p) => p.kind === 'self_employment' || !!p.employerId || !!p.employerName, {
  error: 'Name the employer',
  path: ['employerName'],
});
export type PlacementCreateInput = z.infer<typeof PlacementCreateInput>;

export const FollowUpInput = z.object({
  checkedOn: PastDate,
  stillEmployed: z.boolean(),
  note: text(2000)
    .transform((v) => v || null)
    .nullish(),
  version: z.number().int().positive(),
});
export type FollowUpInput = z.infer<typeof FollowUpInput>;

export const FollowUpView = z.object({
  id: z.uuid(),
  placementId: z.uuid(),
  kind: z.enum(FOLLOW_UP_KINDS),
  dueOn: IsoDate,
  checkedOn: IsoDate.nullable(),
  stillEmployed: z.boolean().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export type FollowUpView = z.infer<typeof FollowUpView>;

export const PlacementView = z.object({
  id: z.uuid(),
  participantId: z.uuid(),
  caseId: z.uuid(),
  kind: z.enum(PLACEMENT_KINDS),
  firstLabourMarket: z.boolean(),
  employerId: z.uuid().nullable(),
  employerName: z.string().nullable(),
  startsOn: IsoDate,
  hoursPerWeek: z.number().nullable(),
  occupation: z.string(),
  proposalId: z.uuid().nullable(),
  /** Whether recording it ended the case as placed (first labour market, not marginal). */
  closedCase: z.boolean(),
  followUps: z.array(FollowUpView),
  recordedByName: z.string().nullable(),
  createdAt: z.iso.datetime(),
  version: z.number().int(),
});
export type PlacementView = z.infer<typeof PlacementView>;

export const DueFollowUpQuery = z.object({ days: z.coerce.number().int().min(0).max(366).default(14) });

/** A follow-up due within the days asked, or overdue, for the office's case managers. */
export const DueFollowUp = FollowUpView.extend({
  participantId: z.uuid(),
  participantName: z.string(),
  employerName: z.string().nullable(),
  occupation: z.string(),
  startsOn: IsoDate,
});
export type DueFollowUp = z.infer<typeof DueFollowUp>;
