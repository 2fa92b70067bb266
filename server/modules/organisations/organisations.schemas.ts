import { z } from 'zod';
import { listQuery, pageOf } from '../../http/lists.ts';

export const ORGANISATION_KINDS = ['case_management_office', 'partner', 'employer', 'volunteer_group'] as const;
export const OrganisationKind = z.enum(ORGANISATION_KINDS);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `At most ${max} characters` })
    .transform((v) => v || null)
    .nullable()
    .optional();

export const OrganisationCreateInput = z.object({
  kind: OrganisationKind,
  name: z.string().trim().min(2, { error: 'At least 2 characters' }).max(200, { error: 'At most 200 characters' }),
  cityId: z.uuid().nullable().optional(),
  description: z.string().trim().max(2000).optional(),
  email: z
    .email({ error: 'Not a valid email address' })
    .max(254)
    .nullable()
    .optional()
    .or(z.literal('').transform(() => null)),
  phone: optionalText(50),
  address: optionalText(500),
});
export type OrganisationCreateInput = z.infer<typeof OrganisationCreateInput>;

export const OrganisationUpdateInput = OrganisationCreateInput.omit({ kind: true })
  .partial()
  .extend({ active: z.boolean().optional(), version: z.number().int().positive() });
export type OrganisationUpdateInput = z.infer<typeof OrganisationUpdateInput>;

export const OrganisationView = z.object({
  id: z.uuid(),
  kind: OrganisationKind,
  name: z.string(),
  cityId: z.uuid().nullable(),
  cityName: z.string().nullable(),
  description: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
  updatedAt: z.iso.datetime(),
});
export type OrganisationView = z.infer<typeof OrganisationView>;

export const OrganisationListQuery = listQuery(['name', 'kind', 'updatedAt']).extend({
  kind: OrganisationKind.optional(),
  active: z.enum(['true', 'false']).optional(),
});
export type OrganisationListQuery = z.infer<typeof OrganisationListQuery>;

export const OrganisationPage = pageOf(OrganisationView);
