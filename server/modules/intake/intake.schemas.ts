import { z } from 'zod';
import { IsoDate } from '../participants/participants.schemas.ts';

// The intake (Erstgespräch) in sections; each saves on its own, so that a long
// conversation is never lost to one mistyped field elsewhere.

export const RECOGNITION_STATUSES = ['not_started', 'in_progress', 'full', 'partial', 'rejected', 'not_required'] as const;
export const LABOUR_MARKET_STATUSES = [
  'unemployed',
  'long_term_unemployed',
  'inactive',
  'employed',
  'self_employed',
  'in_education',
] as const;
export const DRIVING_LICENCES = ['AM', 'A', 'B', 'BE', 'C', 'CE', 'D', 'T', 'foreign'] as const;
export const BENEFITS = ['buergergeld', 'asylblg', 'none', 'other'] as const;
export const SKILL_LEVELS = ['basic', 'good', 'expert'] as const;
/** Optional ESF+ characteristics may be declined: "no answer" is a valid answer. */
const Answer = z.enum(['yes', 'no', 'no_answer']);
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `At most ${max} characters` });

export const INTAKE_SECTIONS = {
  education: z.object({
    schoolYears: z.number().int().min(0).max(25).nullish(),
    schoolCountry: text(60).nullish(),
    highestDegree: text(200).nullish(),
    /** ISCED 2011 level 0–8 of the highest completed education. */
    iscedLevel: z.number().int().min(0).max(8).nullish(),
    currentlyInEducation: z.boolean().nullish(),
  }),
  qualifications: z.object({
    items: z
      .array(
        z.object({
          title: text(200).min(1, { error: 'Required' }),
          country: text(60).nullish(),
          year: z.number().int().min(1950).max(2100).nullish(),
          recognition: z.enum(RECOGNITION_STATUSES),
          recognitionBody: text(200).nullish(),
        }),
      )
      .max(20),
  }),
  workExperience: z.object({
    items: z
      .array(
        z.object({
          job: text(200).min(1, { error: 'Required' }),
          country: text(60).nullish(),
          years: z.number().min(0).max(60),
          sector: text(100).nullish(),
        }),
      )
      .max(30),
  }),
  skills: z.object({ items: z.array(z.object({ skillId: z.uuid(), level: z.enum(SKILL_LEVELS) })).max(60) }),
  mobility: z.object({
    drivingLicences: z.array(z.enum(DRIVING_LICENCES)).max(10).default([]),
    ownCar: z.boolean().nullish(),
    publicTransport: z.boolean().nullish(),
    bike: z.boolean().nullish(),
    maxCommuteMinutes: z.number().int().min(0).max(240).nullish(),
  }),
  labourMarket: z.object({
    statusAtEntry: z.enum(LABOUR_MARKET_STATUSES),
    unemployedSince: IsoDate.nullish(),
    jobcentreCustomer: z.boolean().nullish(),
    benefit: z.enum(BENEFITS).nullish(),
  }),
  esf: z.object({
    disability: Answer,
    homelessOrHousingExclusion: Answer,
    ruralArea: Answer,
    foreignBackground: Answer,
    minority: Answer,
    singleParent: Answer,
  }),
  goals: z.object({ ownGoals: text(4000).nullish(), desiredOccupations: z.array(text(100)).max(10).default([]) }),
} as const;

export type IntakeSection = keyof typeof INTAKE_SECTIONS;
export const INTAKE_SECTION_NAMES = Object.keys(INTAKE_SECTIONS) as [IntakeSection, ...IntakeSection[]];

export const IntakeSectionParams = z.object({ id: z.uuid(), section: z.enum(INTAKE_SECTION_NAMES) });

export const IntakeSectionInput = z.object({
  data: z.record(z.string(), z.unknown()),
  conductedOn: IsoDate.nullish(),
  /** The intake's version as read; absent for the first save. */
  version: z.number().int().positive().optional(),
});
export type IntakeSectionInput = z.infer<typeof IntakeSectionInput>;

export const IntakeView = z.object({
  caseId: z.uuid(),
  conductedOn: IsoDate.nullable(),
  sections: z.record(z.string(), z.unknown()),
  version: z.number().int(),
});
export type IntakeView = z.infer<typeof IntakeView>;
