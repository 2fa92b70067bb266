import { z } from 'zod';
import { listQuery, pageOf } from '../../http/lists.ts';
import { Postcode } from '../employers/employers.schemas.ts';
import { IsoDate } from '../participants/participants.schemas.ts';
import { ONBOARDING_GAPS } from './onboarding.ts';

// Volunteers (Ehrenamtliche, Paten/Patinnen): profiles with or without a login, their
// onboarding, and the network's onboarding rule.

export const VOLUNTEER_STATUSES = ['active', 'paused', 'left'] as const;

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `At most ${max} characters` });
const optionalText = (max: number) =>
  text(max)
    .transform((v) => v || null)
    .nullish();
/** Short words (languages, skills), folded to lower case and without repeats. */
const words = z
  .array(text(60).min(1, { error: 'Required' }))
  .max(20)
  .transform((list) => [...new Set(list.map((w) => w.toLowerCase()))]);
const optionalDate = IsoDate.nullish().or(z.literal('').transform(() => null));

const VolunteerFields = z.object({
  /** The volunteer group (organisation of kind volunteer_group). */
  organisationId: z.uuid(),
  /** The login, if any: a user with the mentor role in that group. */
  userId: z.uuid().nullish(),
  displayName: text(200).min(2, { error: 'At least 2 characters' }),
  email: z
    .email({ error: 'Not an email address' })
    .nullish()
    .or(z.literal('').transform(() => null)),
  phone: optionalText(50),
  languages: words.default([]),
  skills: words.default([]),
  profession: optionalText(200),
  availability: text(1000).default(''),
  postcode: Postcode.nullish().or(z.literal('').transform(() => null)),
  maxMentees: z.number().int().min(1, { error: 'At least 1' }).max(10, { error: 'At most 10' }).default(1),
  agreementSignedOn: optionalDate,
  pledgeSignedOn: optionalDate,
  certificateIssuedOn: optionalDate,
  status: z.enum(VOLUNTEER_STATUSES).default('active'),
});

export const VolunteerCreateInput = VolunteerFields;
export type VolunteerCreateInput = z.infer<typeof VolunteerCreateInput>;
// Zod 4 applies defaults inside .partial(): the defaulted fields are plainly optional again.
export const VolunteerUpdateInput = VolunteerFields.partial().extend({
  languages: words.optional(),
  skills: words.optional(),
  availability: text(1000).optional(),
  maxMentees: z.number().int().min(1, { error: 'At least 1' }).max(10, { error: 'At most 10' }).optional(),
  status: z.enum(VOLUNTEER_STATUSES).optional(),
  version: z.number().int().positive(),
});
export type VolunteerUpdateInput = z.infer<typeof VolunteerUpdateInput>;

export const VolunteerView = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  userId: z.uuid().nullable(),
  displayName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  languages: z.array(z.string()),
  skills: z.array(z.string()),
  profession: z.string().nullable(),
  availability: z.string(),
  postcode: z.string().nullable(),
  maxMentees: z.number().int(),
  activeMentorships: z.number().int(),
  agreementSignedOn: IsoDate.nullable(),
  pledgeSignedOn: IsoDate.nullable(),
  certificateIssuedOn: IsoDate.nullable(),
  /** What is missing today for the volunteer to start a mentorship; empty: onboarded. */
  onboardingGaps: z.array(z.enum(ONBOARDING_GAPS)),
  status: z.enum(VOLUNTEER_STATUSES),
  version: z.number().int(),
  updatedAt: z.iso.datetime(),
});
export type VolunteerView = z.infer<typeof VolunteerView>;

export const VolunteerListQuery = listQuery(['name', 'updatedAt', 'postcode']).extend({
  status: z.enum(VOLUNTEER_STATUSES).optional(),
  organisationId: z.uuid().optional(),
  language: text(60).optional(),
  onboarded: z.enum(['yes', 'no']).optional(),
});
export type VolunteerListQuery = z.infer<typeof VolunteerListQuery>;
export const VolunteerPage = pageOf(VolunteerView);

export const VolunteerSettingsView = z.object({
  certificateRequired: z.boolean(),
  certificateMaxAgeMonths: z.number().int(),
  version: z.number().int(),
});
export type VolunteerSettingsView = z.infer<typeof VolunteerSettingsView>;
export const VolunteerSettingsInput = z.object({
  certificateRequired: z.boolean(),
  certificateMaxAgeMonths: z.number().int().min(1, { error: 'At least 1' }).max(120, { error: 'At most 120' }),
  version: z.number().int().positive(),
});
export type VolunteerSettingsInput = z.infer<typeof VolunteerSettingsInput>;

/** The network's volunteer groups with their mentors' logins: what a profile form chooses from. */
export const VolunteerGroupView = z.object({
  id: z.uuid(),
  name: z.string(),
  mentors: z.array(z.object({ userId: z.uuid(), displayName: z.string(), hasProfile: z.boolean() })),
});
export const VolunteerGroupList = z.array(VolunteerGroupView);
export type VolunteerGroupView = z.infer<typeof VolunteerGroupView>;
