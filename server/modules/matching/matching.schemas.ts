import { z } from 'zod';
import { CEFR_LEVELS, IsoDate } from '../participants/participants.schemas.ts';
import { VACANCY_KINDS } from '../vacancies/vacancies.schemas.ts';

// Matching: what a participant's job profile adds to the intake, and a ranked result with
// the reasons for its score. Shared with the web app.

export const REACHABILITIES = ['car', 'public_transport', 'bike'] as const;
export type Reachability = (typeof REACHABILITIES)[number];

export const JobProfileInput = z.object({
  reachability: z.enum(REACHABILITIES).nullish(),
  maxHoursPerWeek: z.number().gt(0, { error: 'More than 0' }).max(60, { error: 'At most 60' }).nullish(),
  availableFrom: IsoDate.nullish(),
  shiftWork: z.boolean().nullish(),
  weekendWork: z.boolean().nullish(),
  /** The profile's version as read; absent for the first save. */
  version: z.number().int().positive().optional(),
});
export type JobProfileInput = z.infer<typeof JobProfileInput>;

export const JobProfileView = z.object({
  participantId: z.uuid(),
  reachability: z.enum(REACHABILITIES).nullable(),
  maxHoursPerWeek: z.number().nullable(),
  availableFrom: IsoDate.nullable(),
  shiftWork: z.boolean().nullable(),
  weekendWork: z.boolean().nullable(),
  /** 0 until first saved. */
  version: z.number().int(),
});
export type JobProfileView = z.infer<typeof JobProfileView>;

/**
 * Flags a result carries. permission_required: the residence document allows the work only
 * with the foreigners' office's permission; residence_unknown: no document recorded;
 * restriction_applies: the employability check records restrictions (never which).
 */
export const MATCH_FLAGS = ['permission_required', 'residence_unknown', 'restriction_applies'] as const;
export type MatchFlag = (typeof MATCH_FLAGS)[number];
/** Why someone was left out: the work is not permitted, or not fit for work for now. */
export const EXCLUSIONS = ['work_not_permitted', 'restriction_applies'] as const;
export type Exclusion = (typeof EXCLUSIONS)[number];

const Points = { points: z.number(), max: z.number() };
const SkillRef = z.object({ id: z.uuid(), labelDe: z.string(), labelEn: z.string() });
export const Condition = z.enum(['ok', 'missing', 'not_required']);

export const MatchReasons = z.object({
  skills: z.object({ ...Points, matched: z.array(SkillRef), missing: z.array(SkillRef) }),
  germanLevel: z.object({ ...Points, required: z.enum(CEFR_LEVELS).nullable(), actual: z.enum(CEFR_LEVELS).nullable() }),
  distance: z.object({
    ...Points,
    km: z.number().nullable(),
    reachability: z.enum(REACHABILITIES).nullable(),
    /** How far the person can get with their means of travel. */
    limitKm: z.number(),
  }),
  hours: z.object({
    ...Points,
    required: z.number().nullable(),
    available: z.number().nullable(),
    childcareNeeded: z.boolean().nullable(),
  }),
  start: z.object({ ...Points, startsOn: IsoDate.nullable(), availableFrom: IsoDate.nullable() }),
  conditions: z.object({ ...Points, drivingLicence: Condition, shiftWork: Condition, weekendWork: Condition }),
});
export type MatchReasons = z.infer<typeof MatchReasons>;

const Existing = z.object({ proposalId: z.uuid(), stage: z.string() }).nullable();

export const CandidateMatch = z.object({
  participantId: z.uuid(),
  name: z.string(),
  score: z.number().int(),
  flags: z.array(z.enum(MATCH_FLAGS)),
  reasons: MatchReasons,
  /** A running proposal of this candidate for this vacancy. */
  proposal: Existing,
});
export type CandidateMatch = z.infer<typeof CandidateMatch>;

export const VacancyMatch = z.object({
  vacancyId: z.uuid(),
  title: z.string(),
  kind: z.enum(VACANCY_KINDS),
  employerId: z.uuid(),
  employerName: z.string(),
  town: z.string().nullable(),
  score: z.number().int(),
  flags: z.array(z.enum(MATCH_FLAGS)),
  reasons: MatchReasons,
  proposal: Existing,
});
export type VacancyMatch = z.infer<typeof VacancyMatch>;

export const MatchQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(25) });

export const CandidateMatches = z.object({
  vacancyId: z.uuid(),
  results: z.array(CandidateMatch),
  /** How many were considered, and how many were left out for each reason. */
  considered: z.number().int(),
  excluded: z.record(z.enum(EXCLUSIONS), z.number().int()),
});
export const VacancyMatches = z.object({
  participantId: z.uuid(),
  results: z.array(VacancyMatch),
  considered: z.number().int(),
  /** Set when the person is left out of every vacancy, and why. */
  excludedBecause: z.enum(EXCLUSIONS).nullable(),
});

export const CaseloadQuery = z.object({ perPerson: z.coerce.number().int().min(1).max(10).default(3) });
/** For every person of the office with an open case, the best open vacancies. */
export const CaseloadMatches = z.object({
  considered: z.number().int(),
  people: z.array(
    z.object({
      participantId: z.uuid(),
      name: z.string(),
      flags: z.array(z.enum(MATCH_FLAGS)),
      excludedBecause: z.enum(EXCLUSIONS).nullable(),
      best: z.array(z.object({ vacancyId: z.uuid(), title: z.string(), employerName: z.string(), score: z.number().int() })),
    }),
  ),
});
