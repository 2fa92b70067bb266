import { z } from 'zod';
import { listQuery, pageOf } from '../../http/lists.ts';
import { IsoDate } from '../participants/participants.schemas.ts';

// Apprenticeship support (Wegbereiter): the support agreement with the training company,
// its needs and who helps with each, check-ins with their signals, the derived risk level,
// and the company's requests for help. Shared with the web app.

export const NEED_AREAS = ['vocational_school', 'exam_preparation', 'german_for_work', 'authorities', 'housing', 'finances'] as const;
export const HELPER_KINDS = ['staff', 'mentor', 'company'] as const;
export const HELD_WITH = ['apprentice', 'company', 'both'] as const;
export const SIGNALS = ['missed_school_days', 'poor_grades', 'conflict_at_work', 'residence_expiring', 'money_trouble'] as const;
export type Signal = (typeof SIGNALS)[number];
/** Signals the company never sees: they are about the person, not the training. */
export const STAFF_ONLY_SIGNALS: readonly Signal[] = ['residence_expiring', 'money_trouble'];
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const AGREEMENT_STATUSES = ['active', 'completed', 'dropped_out'] as const;
export const DROPOUT_REASONS = ['training_terminated', 'moved_away', 'health', 'residence', 'other'] as const;

const today = () => new Date().toISOString().slice(0, 10);
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `At most ${max} characters` });
const optionalText = (max: number) =>
  text(max)
    .transform((v) => v || null)
    .nullish();
const NotFuture = IsoDate.refine((d) => d <= today(), { error: 'Cannot be in the future' });

export const NeedInput = z
  .object({
    area: z.enum(NEED_AREAS),
    helperKind: z.enum(HELPER_KINDS),
    /** The staff member or mentor who helps; none when the company helps. */
    helperUserId: z.uuid().nullish(),
    note: optionalText(1000),
  })
  .refine((n) => (n.helperKind === 'company') === !n.helperUserId, {
    error: 'Name the staff member or mentor (and no one when the company helps)',
    path: ['helperUserId'],
  });
export type NeedInput = z.infer<typeof NeedInput>;

const AgreementFields = z.object({
  /** One of the employer's contact users, or a contact person's name. */
  companyContactUserId: z.uuid().nullish(),
  companyContactName: optionalText(200),
  vocationalSchool: text(200).min(2, { error: 'At least 2 characters' }),
  occupation: text(200).min(2, { error: 'At least 2 characters' }),
  startsOn: IsoDate,
  plannedEndOn: IsoDate,
  nextCheckInOn: IsoDate.nullish(),
});
const endAfterStart = (a: { startsOn?: string; plannedEndOn?: string }) => !a.startsOn || !a.plannedEndOn || a.plannedEndOn > a.startsOn;
const endRule = { error: 'The planned end must be after the start', path: ['plannedEndOn'] };
const contactRule = {
  error: 'Name the company contact',
  path: ['companyContactName'],
};

export const AgreementCreateInput = AgreementFields.extend({
  placementId: z.uuid(),
  needs: z.array(NeedInput).max(20).default([]),
})
  .refine(endAfterStart, endRule)
  .refine((a) => !!a.companyContactUserId || !!a.companyContactName, contactRule);
export type AgreementCreateInput = z.infer<typeof AgreementCreateInput>;

export const AgreementUpdateInput = AgreementFields.partial()
  .extend({ version: z.number().int().positive() })
  .refine(endAfterStart, endRule);
export type AgreementUpdateInput = z.infer<typeof AgreementUpdateInput>;

export const NeedsInput = z.object({ needs: z.array(NeedInput).max(20), version: z.number().int().positive() });
export type NeedsInput = z.infer<typeof NeedsInput>;

export const AgreementEndInput = z
  .object({
    status: z.enum(['completed', 'dropped_out']),
    endedOn: NotFuture,
    reason: z.enum(DROPOUT_REASONS).nullish(),
    version: z.number().int().positive(),
  })
  .refine((e) => e.status !== 'dropped_out' || !!e.reason, { error: 'Say why the apprenticeship ended', path: ['reason'] });
export type AgreementEndInput = z.infer<typeof AgreementEndInput>;

export const CheckInInput = z
  .object({
    heldOn: NotFuture,
    heldWith: z.enum(HELD_WITH),
    notes: optionalText(4000),
    signals: z
      .array(z.enum(SIGNALS))
      .max(SIGNALS.length)
      .default([])
      .transform((s) => [...new Set(s)]),
    nextCheckInOn: IsoDate.nullish(),
  })
  .refine((c) => !c.nextCheckInOn || c.nextCheckInOn > c.heldOn, { error: 'After the check-in', path: ['nextCheckInOn'] });
export type CheckInInput = z.infer<typeof CheckInInput>;

export const RiskReason = z.object({
  code: z.enum(['signal', 'repeated_signal', 'many_signals', 'residence_expired', 'residence_expiring', 'check_in_overdue']),
  signal: z.enum(SIGNALS).nullable(),
  /** The document's valid-until date, or the check-in that is overdue. */
  date: IsoDate.nullable(),
});
export type RiskReason = z.infer<typeof RiskReason>;
export const Risk = z.object({ level: z.enum(RISK_LEVELS), reasons: z.array(RiskReason) });
export type Risk = z.infer<typeof Risk>;

export const NeedView = z.object({
  id: z.uuid(),
  area: z.enum(NEED_AREAS),
  helperKind: z.enum(HELPER_KINDS),
  helperUserId: z.uuid().nullable(),
  helperName: z.string().nullable(),
  note: z.string().nullable(),
});
export type NeedView = z.infer<typeof NeedView>;

export const CheckInView = z.object({
  id: z.uuid(),
  heldOn: IsoDate,
  heldWith: z.enum(HELD_WITH),
  notes: z.string().nullable(),
  signals: z.array(z.enum(SIGNALS)),
  nextCheckInOn: IsoDate.nullable(),
  recordedByName: z.string().nullable(),
});
export type CheckInView = z.infer<typeof CheckInView>;

export const AgreementView = z.object({
  id: z.uuid(),
  placementId: z.uuid(),
  participantId: z.uuid(),
  participantName: z.string(),
  employerId: z.uuid(),
  employerName: z.string(),
  companyContactUserId: z.uuid().nullable(),
  companyContactName: z.string().nullable(),
  vocationalSchool: z.string(),
  occupation: z.string(),
  startsOn: IsoDate,
  plannedEndOn: IsoDate,
  status: z.enum(AGREEMENT_STATUSES),
  endedOn: IsoDate.nullable(),
  endReason: z.string().nullable(),
  nextCheckInOn: IsoDate.nullable(),
  needs: z.array(NeedView),
  checkIns: z.array(CheckInView),
  risk: Risk,
  version: z.number().int(),
});
export type AgreementView = z.infer<typeof AgreementView>;

export const AgreementListQuery = listQuery(['risk', 'nextCheckInOn', 'plannedEndOn', 'participantName']).extend({
  risk: z.enum(RISK_LEVELS).optional(),
  /** At risk: medium or high. */
  atRisk: z.stringbool().optional(),
  status: z.enum(AGREEMENT_STATUSES).default('active'),
  /** Only those whose next check-in is today or past. */
  checkInDue: z.stringbool().optional(),
});
export type AgreementListQuery = z.infer<typeof AgreementListQuery>;

export const AgreementListItem = AgreementView.pick({
  id: true,
  participantId: true,
  participantName: true,
  employerName: true,
  occupation: true,
  plannedEndOn: true,
  status: true,
  nextCheckInOn: true,
  risk: true,
});
export type AgreementListItem = z.infer<typeof AgreementListItem>;
export const AgreementPage = pageOf(AgreementListItem);

export const ExportQuery = AgreementListQuery.omit({ page: true, pageSize: true }).extend({ locale: z.enum(['de', 'en']).default('de') });

export const HelpRequestInput = z.object({ text: text(2000).min(5, { error: 'At least 5 characters' }) });
export const HelpRequestHandleInput = z.object({ version: z.number().int().positive() });
export const HelpRequestQuery = z.object({ open: z.stringbool().default(true) });
export const HelpRequestView = z.object({
  id: z.uuid(),
  apprenticeshipId: z.uuid(),
  participantName: z.string(),
  employerName: z.string(),
  text: z.string(),
  askedByName: z.string().nullable(),
  askedAt: z.iso.datetime(),
  handledAt: z.iso.datetime().nullable(),
  handledByName: z.string().nullable(),
  version: z.number().int(),
});
export type HelpRequestView = z.infer<typeof HelpRequestView>;

/** What the company sees: no staff notes, no residence or money signals, no risk, nothing of the case file. */
export const CompanyCheckInView = CheckInView.omit({ notes: true, recordedByName: true });
export const CompanyAgreementView = AgreementView.omit({ checkIns: true, risk: true, placementId: true, endReason: true }).extend({
  checkIns: z.array(CompanyCheckInView),
  helpRequests: z.array(HelpRequestView.omit({ participantName: true, employerName: true })),
});
export type CompanyAgreementView = z.infer<typeof CompanyAgreementView>;
export const CompanyApprenticeItem = AgreementListItem.omit({ risk: true, employerName: true });
export type CompanyApprenticeItem = z.infer<typeof CompanyApprenticeItem>;

/** Who may be named on an agreement: the network's staff, its mentors, and the company's contacts. */
export const HelperQuery = z.object({ employerId: z.uuid().optional() });
const PersonOption = z.object({ id: z.uuid(), displayName: z.string() });
export const HelperOptions = z.object({
  staff: z.array(PersonOption),
  mentors: z.array(PersonOption),
  companyContacts: z.array(PersonOption),
});
export type HelperOptions = z.infer<typeof HelperOptions>;
