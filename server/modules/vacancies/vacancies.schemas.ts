import { z } from 'zod';
import { listQuery, pageOf } from '../../http/lists.ts';
import { Postcode } from '../employers/employers.schemas.ts';
import { CEFR_LEVELS, IsoDate } from '../participants/participants.schemas.ts';

// Vacancies (Stellen): jobs, apprenticeships and internships with what they require.

export const VACANCY_KINDS = ['job', 'apprenticeship', 'internship'] as const;
export const VACANCY_STATUSES = ['open', 'filled', 'withdrawn'] as const;
export const PHYSICAL_DEMANDS = ['light', 'moderate', 'heavy'] as const;

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `At most ${max} characters` });
const optionalText = (max: number) =>
  text(max)
    .transform((v) => v || null)
    .nullish();

export const VacancyFields = z.object({
  /** For an employer's contact always their own company's: another company's is a 403. */
  employerId: z.uuid(),
  kind: z.enum(VACANCY_KINDS),
  title: text(200).min(2, { error: 'At least 2 characters' }),
  /** The occupation; for an apprenticeship the training occupation, which it needs. */
  occupation: optionalText(200),
  description: text(8000).default(''),
  requiredSkillIds: z.array(z.uuid()).max(30).default([]),
  germanLevel: z.enum(CEFR_LEVELS).nullish(),
  drivingLicence: z.boolean().default(false),
  shiftWork: z.boolean().default(false),
  weekendWork: z.boolean().default(false),
  physicalDemands: z.enum(PHYSICAL_DEMANDS).default('light'),
  postcode: Postcode.nullish().or(z.literal('').transform(() => null)),
  town: optionalText(100),
  hoursPerWeek: z.number().gt(0, { error: 'More than 0' }).max(60, { error: 'At most 60' }).nullish(),
  startsOn: IsoDate.nullish(),
  places: z.number().int().min(1).max(500).default(1),
});

const apprenticeshipNeedsOccupation = (v: { kind?: string; occupation?: string | null }) => v.kind !== 'apprenticeship' || !!v.occupation;
const occupationRule = { error: 'An apprenticeship needs its training occupation', path: ['occupation'] };

export const VacancyCreateInput = VacancyFields.refine(apprenticeshipNeedsOccupation, occupationRule);
export type VacancyCreateInput = z.infer<typeof VacancyCreateInput>;
// Zod 4 applies a default even inside .partial(): the fields with defaults are made plainly
// optional again, or a PATCH of the title would reset skills, flags and places.
export const VacancyUpdateInput = VacancyFields.omit({ employerId: true })
  .partial()
  .extend({
    description: text(8000).optional(),
    requiredSkillIds: z.array(z.uuid()).max(30).optional(),
    drivingLicence: z.boolean().optional(),
    shiftWork: z.boolean().optional(),
    weekendWork: z.boolean().optional(),
    physicalDemands: z.enum(PHYSICAL_DEMANDS).optional(),
    places: z.number().int().min(1).max(500).optional(),
    status: z.enum(VACANCY_STATUSES).optional(),
    version: z.number().int().positive(),
  });
export type VacancyUpdateInput = z.infer<typeof VacancyUpdateInput>;

export const VacancyView = z.object({
  id: z.uuid(),
  employerId: z.uuid(),
  employerName: z.string(),
  kind: z.enum(VACANCY_KINDS),
  title: z.string(),
  occupation: z.string().nullable(),
  description: z.string(),
  requiredSkills: z.array(z.object({ id: z.uuid(), labelDe: z.string(), labelEn: z.string() })),
  germanLevel: z.enum(CEFR_LEVELS).nullable(),
  drivingLicence: z.boolean(),
  shiftWork: z.boolean(),
  weekendWork: z.boolean(),
  physicalDemands: z.enum(PHYSICAL_DEMANDS),
  postcode: z.string().nullable(),
  town: z.string().nullable(),
  hoursPerWeek: z.number().nullable(),
  startsOn: IsoDate.nullable(),
  places: z.number().int(),
  /** Candidates hired so far. */
  hired: z.number().int(),
  status: z.enum(VACANCY_STATUSES),
  version: z.number().int(),
  updatedAt: z.iso.datetime(),
});
export type VacancyView = z.infer<typeof VacancyView>;

export const VacancyListQuery = listQuery(['updatedAt', 'title', 'startsOn', 'employer']).extend({
  status: z.enum(VACANCY_STATUSES).optional(),
  kind: z.enum(VACANCY_KINDS).optional(),
  employerId: z.uuid().optional(),
});
export type VacancyListQuery = z.infer<typeof VacancyListQuery>;
export const VacancyPage = pageOf(VacancyView);
