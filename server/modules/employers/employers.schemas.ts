import { z } from 'zod';
import { listQuery, pageOf } from '../../http/lists.ts';
import { IsoDate, PastDate } from '../participants/participants.schemas.ts';

// Employers (organisations of kind employer) as the network's staff keep them: profile,
// contact persons and the log of contacts. Shared with the web app.

export const EMPLOYER_SIZES = ['micro', 'small', 'medium', 'large'] as const;
export const EMPLOYER_CONTACT_KINDS = ['call', 'visit', 'event', 'email', 'other'] as const;

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
export const Postcode = z
  .string()
  .trim()
  .regex(/^[0-9]{5}$/, { error: 'A German postcode of five digits' });

export const ContactPersonInput = z.object({
  name: text(200).min(1, { error: 'Required' }),
  position: optionalText(200),
  phone: optionalText(50),
  email: z
    .email({ error: 'Not a valid email address' })
    .max(254)
    .nullish()
    .or(z.literal('').transform(() => null)),
});

export const EmployerFields = z.object({
  name: text(200).min(2, { error: 'At least 2 characters' }),
  cityId: z.uuid().nullish(),
  sector: optionalText(200),
  size: z.enum(EMPLOYER_SIZES).nullish(),
  address: optionalText(500),
  postcode: Postcode.nullish().or(z.literal('').transform(() => null)),
  email: z
    .email({ error: 'Not a valid email address' })
    .max(254)
    .nullish()
    .or(z.literal('').transform(() => null)),
  phone: optionalText(50),
  description: text(2000).optional(),
  /** The staff's notes; an employer's own contacts never see them. */
  notes: optionalText(4000),
  contactPersons: z.array(ContactPersonInput).max(20).default([]),
});
export const EmployerCreateInput = EmployerFields;
export type EmployerCreateInput = z.infer<typeof EmployerCreateInput>;
// Zod 4 applies a default even inside .partial(): without the override, a PATCH that
// leaves contactPersons out would empty them.
export const EmployerUpdateInput = EmployerFields.partial().extend({
  contactPersons: z.array(ContactPersonInput).max(20).optional(),
  active: z.boolean().optional(),
  version: z.number().int().positive(),
});
export type EmployerUpdateInput = z.infer<typeof EmployerUpdateInput>;

export const EmployerView = z.object({
  id: z.uuid(),
  name: z.string(),
  cityId: z.uuid().nullable(),
  cityName: z.string().nullable(),
  sector: z.string().nullable(),
  size: z.enum(EMPLOYER_SIZES).nullable(),
  address: z.string().nullable(),
  postcode: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  description: z.string(),
  /** Null in the employer's own view. */
  notes: z.string().nullable(),
  contactPersons: z.array(
    z.object({ name: z.string(), position: z.string().nullish(), phone: z.string().nullish(), email: z.string().nullish() }),
  ),
  active: z.boolean(),
  openVacancies: z.number().int(),
  version: z.number().int(),
  updatedAt: z.iso.datetime(),
});
export type EmployerView = z.infer<typeof EmployerView>;

export const EmployerListQuery = listQuery(['name', 'sector', 'updatedAt']).extend({
  size: z.enum(EMPLOYER_SIZES).optional(),
  sector: z.string().trim().max(200).optional(),
});
export type EmployerListQuery = z.infer<typeof EmployerListQuery>;
export const EmployerPage = pageOf(EmployerView);

export const EmployerContactInput = z.object({
  kind: z.enum(EMPLOYER_CONTACT_KINDS),
  contactedOn: PastDate,
  note: text(4000).default(''),
});
export type EmployerContactInput = z.infer<typeof EmployerContactInput>;

export const EmployerContactView = z.object({
  id: z.uuid(),
  employerId: z.uuid(),
  kind: z.enum(EMPLOYER_CONTACT_KINDS),
  contactedOn: IsoDate,
  note: z.string(),
  recordedByName: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type EmployerContactView = z.infer<typeof EmployerContactView>;
