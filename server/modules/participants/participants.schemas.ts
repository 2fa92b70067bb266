import { z } from 'zod';
import { listQuery, pageOf } from '../../http/lists.ts';
import { today } from '../../dates.ts';

export const GENDERS = ['female', 'male', 'non_binary', 'not_stated'] as const;
export const CASE_STATUSES = ['invited', 'active', 'paused', 'placed', 'closed', 'dropped_out'] as const;
export const CEFR_LEVELS = ['none', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export const LANGUAGE_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native'] as const;
export const HOUSING = [
  'own_flat',
  'shared_flat',
  'municipal_accommodation',
  'reception_centre',
  'with_relatives',
  'homeless',
  'other',
] as const;
export const FAMILY_STATUSES = ['single', 'married', 'partnership', 'separated', 'divorced', 'widowed', 'not_stated'] as const;

// Within 1900–2100: beyond that a date is a typing error, and PostgreSQL refuses year 0 outright.
const IsoDateFormat = z.iso.date({ error: 'Not a valid date (YYYY-MM-DD)' });
export const IsoDate = IsoDateFormat.refine((d) => d >= '1900-01-01' && d <= '2100-12-31', { error: 'Not a plausible date' });
export const BirthDate = IsoDateFormat.refine((d) => d >= '1900-01-01' && d <= today(), { error: 'Not a plausible birth date' });
/** A day that has happened: today counts as Germany's today (server/dates.ts), not UTC's, which lags an hour or two. */
export const PastDate = IsoDate.refine((d) => d <= today(), { error: 'Cannot be in the future' });
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `At most ${max} characters` });
/** Optional text: '' and missing both mean "not recorded". */
const optionalText = (max: number) =>
  text(max)
    .transform((v) => v || null)
    .nullish();

export const PersonFields = z.object({
  /** Names as written in the identity document. */
  givenNames: text(100).min(1, { error: 'Required' }),
  familyName: text(100).min(1, { error: 'Required' }),
  /** The name the person uses. */
  preferredName: optionalText(100),
  birthDate: BirthDate.nullish(),
  gender: z.enum(GENDERS).default('not_stated'),
  /** ISO 3166-1 alpha-2 or alpha-3 code; XXA stateless, XXX unknown. */
  nationality: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2,3}$/, { error: 'A country code such as SY, AF or UA' })
    .nullish()
    .or(z.literal('').transform(() => null)),
  languages: z
    .array(z.object({ language: text(50).min(2, { error: 'Required' }), level: z.enum(LANGUAGE_LEVELS) }))
    .max(20)
    .default([]),
  germanLevel: z.enum(CEFR_LEVELS).nullish(),
  phone: optionalText(50),
  email: z
    .email({ error: 'Not a valid email address' })
    .max(254)
    .nullish()
    .or(z.literal('').transform(() => null)),
  street: optionalText(200),
  postcode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, { error: 'Five digits' })
    .nullish()
    .or(z.literal('').transform(() => null)),
  town: optionalText(100),
  housing: z.enum(HOUSING).nullish(),
  familyStatus: z.enum(FAMILY_STATUSES).nullish(),
  childrenCount: z.number().int().min(0).max(30).nullish(),
  childcareNeeded: z.boolean().nullish(),
  interpreterNeeded: z.boolean().default(false),
  interpreterLanguage: optionalText(50),
});
export type PersonFields = z.infer<typeof PersonFields>;

export const ParticipantCreateInput = PersonFields.extend({
  officeId: z.uuid(),
  cityId: z.uuid(),
  /** Defaults to the user creating the record. */
  caseManagerId: z.uuid().optional(),
  fundingPeriodId: z.uuid().nullish(),
  status: z.enum(['invited', 'active']).default('invited'),
  entryDate: IsoDate.nullish(),
  /** Likely duplicates the user has seen and judged to be other people. */
  acknowledgedDuplicates: z.array(z.uuid()).max(50).default([]),
});
export type ParticipantCreateInput = z.infer<typeof ParticipantCreateInput>;

export const ParticipantUpdateInput = PersonFields.partial().extend({ version: z.number().int().positive() });
export type ParticipantUpdateInput = z.infer<typeof ParticipantUpdateInput>;

export const CaseView = z.object({
  id: z.uuid(),
  status: z.enum(CASE_STATUSES),
  officeId: z.uuid(),
  cityId: z.uuid(),
  cityName: z.string(),
  caseManagerId: z.uuid().nullable(),
  caseManagerName: z.string().nullable(),
  fundingPeriodId: z.uuid().nullable(),
  fundingPeriodName: z.string().nullable(),
  entryDate: IsoDate.nullable(),
  exitDate: IsoDate.nullable(),
  exitReason: z.string().nullable(),
  version: z.number().int(),
});
export type CaseView = z.infer<typeof CaseView>;

/**
 * The person as the API returns it. Plain types only: response schemas are encoded on
 * the way out, and the input schema's transforms ('' → null) cannot run backwards.
 */
export const PersonView = z.object({
  givenNames: z.string(),
  familyName: z.string(),
  preferredName: z.string().nullable(),
  birthDate: IsoDate.nullable(),
  gender: z.enum(GENDERS),
  nationality: z.string().nullable(),
  languages: z.array(z.object({ language: z.string(), level: z.enum(LANGUAGE_LEVELS) })),
  germanLevel: z.enum(CEFR_LEVELS).nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  street: z.string().nullable(),
  postcode: z.string().nullable(),
  town: z.string().nullable(),
  housing: z.enum(HOUSING).nullable(),
  familyStatus: z.enum(FAMILY_STATUSES).nullable(),
  childrenCount: z.number().int().nullable(),
  childcareNeeded: z.boolean().nullable(),
  interpreterNeeded: z.boolean(),
  interpreterLanguage: z.string().nullable(),
});

export const ParticipantView = PersonView.extend({
  id: z.uuid(),
  officeId: z.uuid(),
  officeName: z.string(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  currentCase: CaseView.nullable(),
});
export type ParticipantView = z.infer<typeof ParticipantView>;

export const ParticipantListItem = z.object({
  id: z.uuid(),
  givenNames: z.string(),
  familyName: z.string(),
  preferredName: z.string().nullable(),
  birthDate: IsoDate.nullable(),
  gender: z.enum(GENDERS),
  germanLevel: z.enum(CEFR_LEVELS).nullable(),
  officeId: z.uuid(),
  officeName: z.string(),
  cityName: z.string().nullable(),
  caseStatus: z.enum(CASE_STATUSES).nullable(),
  caseManagerName: z.string().nullable(),
  entryDate: IsoDate.nullable(),
  residenceTitle: z.string().nullable(),
  residenceValidUntil: IsoDate.nullable(),
});
export type ParticipantListItem = z.infer<typeof ParticipantListItem>;

export const ParticipantListQuery = listQuery([
  'familyName',
  'givenNames',
  'birthDate',
  'entryDate',
  'caseStatus',
  'residenceValidUntil',
  'relevance',
]).extend({
  status: z.enum(CASE_STATUSES).optional(),
  caseManagerId: z.uuid().optional(),
  cityId: z.uuid().optional(),
  residenceTitle: z.string().max(60).optional(),
  germanLevel: z.enum(CEFR_LEVELS).optional(),
  /** Only people whose residence document expires within this many days (or has expired). */
  deadlineWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
});
export type ParticipantListQuery = z.infer<typeof ParticipantListQuery>;

export const ParticipantPage = pageOf(ParticipantListItem).extend({
  /** True when there are more matches than `total` (counting stops at 1,000). */
  totalCapped: z.boolean(),
});

export const ExportQuery = ParticipantListQuery.omit({ page: true, pageSize: true }).extend({
  format: z.enum(['csv', 'xlsx']).default('csv'),
});
export type ExportQuery = z.infer<typeof ExportQuery>;

/** Counts for the case manager's start page: no personal data. */
export const ParticipantSummary = z.object({
  total: z.number().int(),
  byStatus: z.record(z.enum(CASE_STATUSES), z.number().int()),
  residenceExpiringWithin42Days: z.number().int(),
});
export type ParticipantSummary = z.infer<typeof ParticipantSummary>;

/** A case manager of one of the user's offices, for assigning cases and filtering lists. */
export const CaseManagerOption = z.object({ id: z.uuid(), displayName: z.string(), officeId: z.uuid() });
export type CaseManagerOption = z.infer<typeof CaseManagerOption>;
