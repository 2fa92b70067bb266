import { z } from 'zod';
import { CONSENT_CATEGORIES } from '../consents/consents.schemas.ts';
import { IsoDate } from '../participants/participants.schemas.ts';
import { STEP_STATUSES, StepTypeLabels } from '../plans/plans.schemas.ts';
import { RESIDENCE_TITLES, WORK_CLAUSES } from '../residence/residence.schemas.ts';

// Referral (Überleitung) to a partner organisation with its transmission form
// (Übermittlungsbogen): the tasks of one cycle and the consent it rests on.

export const REFERRAL_STATES = ['draft', 'sent', 'accepted', 'declined', 'revoked', 'completed'] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];

const Text = (max: number) => z.string().trim().max(max);

export const TaskInput = z.object({
  /** Taken from this plan step (of the current plan); absent for a task added on the form. */
  stepLineageId: z.uuid().nullish(),
  stepTypeId: z.uuid(),
  text: Text(2000).default(''),
  dueOn: IsoDate.nullish(),
});
export type TaskInput = z.infer<typeof TaskInput>;

const ReferralFields = z.object({
  partnerOrganisationId: z.uuid(),
  startsOn: IsoDate,
  /** Default: the network's cycle length (six months) after the start. */
  endsOn: IsoDate.nullish(),
  categories: z
    .array(z.enum(CONSENT_CATEGORIES))
    .min(1, { error: 'Choose at least one category' })
    .transform((c) => [...new Set(c)]),
  tasks: z.array(TaskInput).min(1, { error: 'A referral needs at least one task' }).max(40),
  /** Default: the case manager's name, phone and email. */
  contactName: Text(200).min(1).nullish(),
  contactPhone: Text(50).nullish(),
  contactEmail: z.email().max(200).nullish(),
  message: Text(4000).nullish(),
});
const endAfterStart = (r: { startsOn?: string; endsOn?: string | null }) => !r.startsOn || !r.endsOn || r.endsOn > r.startsOn;

export const ReferralCreateInput = ReferralFields.refine(endAfterStart, { error: 'The end must be after the start', path: ['endsOn'] });
export type ReferralCreateInput = z.infer<typeof ReferralCreateInput>;

export const ReferralUpdateInput = ReferralFields.omit({ partnerOrganisationId: true })
  .partial()
  .extend({ version: z.number().int().positive() })
  .refine(endAfterStart, { error: 'The end must be after the start', path: ['endsOn'] });
export type ReferralUpdateInput = z.infer<typeof ReferralUpdateInput>;

export const ReferralSendInput = z.object({
  version: z.number().int().positive(),
  /** Needed when no valid consent covers the partner and the categories; audited. */
  overrideReason: Text(2000).min(20, { error: 'Give the reason in at least 20 characters' }).nullish(),
});
export const ReferralAcceptInput = z.object({ version: z.number().int().positive(), caseworkerId: z.uuid() });
export const ReasonInput = z.object({
  version: z.number().int().positive(),
  reason: Text(2000).min(3, { error: 'Give a reason' }),
});
export const TaskProgressInput = z.object({
  version: z.number().int().positive(),
  status: z.enum(STEP_STATUSES),
  progressNote: Text(4000).nullish(),
});
export type TaskProgressInput = z.infer<typeof TaskProgressInput>;
export const NoteInput = z.object({ text: Text(4000).min(1, { error: 'Write a note' }) });

export const TaskView = z.object({
  id: z.uuid(),
  stepLineageId: z.uuid().nullable(),
  stepTypeId: z.uuid(),
  stepTypeKey: z.string(),
  stepTypeLabels: StepTypeLabels,
  text: z.string(),
  dueOn: IsoDate.nullable(),
  status: z.enum(STEP_STATUSES),
  progressNote: z.string().nullable(),
  updatedAt: z.iso.datetime(),
  version: z.number().int(),
});
export type TaskView = z.infer<typeof TaskView>;

export const NoteView = z.object({ id: z.uuid(), authorName: z.string().nullable(), text: z.string(), createdAt: z.iso.datetime() });

export const ConsentCheck = z.object({
  /** Whether a valid consent covers the partner and every category of the form. */
  covered: z.boolean(),
  missing: z.array(z.enum(CONSENT_CATEGORIES)),
  consentId: z.uuid().nullable(),
});
export type ConsentCheck = z.infer<typeof ConsentCheck>;

export const ReferralView = z.object({
  id: z.uuid(),
  participantId: z.uuid(),
  /** The name is what a transmission form always carries; the partner sees it in its inbox. */
  participantName: z.string(),
  officeName: z.string(),
  partnerOrganisationId: z.uuid(),
  partnerName: z.string(),
  state: z.enum(REFERRAL_STATES),
  startsOn: IsoDate,
  endsOn: IsoDate,
  categories: z.array(z.enum(CONSENT_CATEGORIES)),
  consentId: z.uuid().nullable(),
  overrideReason: z.string().nullable(),
  contactName: z.string(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  message: z.string().nullable(),
  previousReferralId: z.uuid().nullable(),
  sentAt: z.iso.datetime().nullable(),
  answeredAt: z.iso.datetime().nullable(),
  caseworkerId: z.uuid().nullable(),
  caseworkerName: z.string().nullable(),
  declineReason: z.string().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  revokeReason: z.string().nullable(),
  completedAt: z.iso.datetime().nullable(),
  tasks: z.array(TaskView),
  notes: z.array(NoteView),
  /** Only for the office's case managers, while a draft. */
  consentCheck: ConsentCheck.nullable(),
  version: z.number().int(),
});
export type ReferralView = z.infer<typeof ReferralView>;

export const ReferralListItem = ReferralView.pick({
  id: true,
  participantId: true,
  participantName: true,
  partnerOrganisationId: true,
  partnerName: true,
  state: true,
  startsOn: true,
  endsOn: true,
  sentAt: true,
  caseworkerName: true,
  overrideReason: true,
  declineReason: true,
  revokeReason: true,
  version: true,
}).extend({ openTasks: z.number().int() });
export type ReferralListItem = z.infer<typeof ReferralListItem>;

export const ReferralListQuery = z.object({
  /** inbox: sent, waiting for the partner's answer; active: accepted; closed: the rest. */
  box: z.enum(['inbox', 'active', 'closed', 'all']).default('all'),
  participantId: z.uuid().optional(),
});

export const CaseworkerOption = z.object({ id: z.uuid(), displayName: z.string() });

/** What the partner's caseworker sees of the person: the categories consented, nothing else. */
export const ReferredParticipantView = z.object({
  referralId: z.uuid(),
  participantId: z.uuid(),
  givenNames: z.string(),
  familyName: z.string(),
  preferredName: z.string().nullable(),
  /** The categories shown below; the others are not shared. */
  shared: z.array(z.enum(CONSENT_CATEGORIES)),
  contact: z
    .object({
      phone: z.string().nullable(),
      email: z.string().nullable(),
      street: z.string().nullable(),
      postcode: z.string().nullable(),
      town: z.string().nullable(),
    })
    .nullable(),
  personal: z
    .object({
      birthDate: IsoDate.nullable(),
      gender: z.string(),
      nationality: z.string().nullable(),
      languages: z.array(z.object({ language: z.string(), level: z.string() })),
      germanLevel: z.string().nullable(),
      childcareNeeded: z.boolean().nullable(),
      interpreterNeeded: z.boolean(),
      interpreterLanguage: z.string().nullable(),
    })
    .nullable(),
  educationWork: z.record(z.string(), z.unknown()).nullable(),
  residence: z
    .object({
      title: z.enum(RESIDENCE_TITLES),
      paragraph: z.string().nullable(),
      validUntil: IsoDate.nullable(),
      workClause: z.enum(WORK_CLAUSES),
    })
    .nullable(),
  plan: z
    .array(
      z.object({
        title: z.string(),
        steps: z.array(z.object({ stepTypeKey: z.string(), text: z.string(), dueOn: IsoDate.nullable(), status: z.enum(STEP_STATUSES) })),
      }),
    )
    .nullable(),
});
export type ReferredParticipantView = z.infer<typeof ReferredParticipantView>;
