import { z } from 'zod';
import { IsoDate, PastDate } from '../participants/participants.schemas.ts';

/** What a consent may cover. The employability check is never among them. */
export const CONSENT_CATEGORIES = ['contact', 'personal', 'education_work', 'residence', 'plan_progress'] as const;
export type ConsentCategory = (typeof CONSENT_CATEGORIES)[number];
export const CONSENT_METHODS = ['signed_form', 'verbal_with_interpreter', 'electronic'] as const;
/** Languages the printed form exists in. */
export const CONSENT_FORM_LANGUAGES = ['de', 'en', 'ar'] as const;
export const CONSENT_FORM_VERSION = '2026-11';

const Categories = z
  .array(z.enum(CONSENT_CATEGORIES))
  .min(1, { error: 'Choose at least one category' })
  .transform((c) => [...new Set(c)]);

export const ConsentCreateInput = z
  .object({
    recipientOrganisationId: z.uuid(),
    categories: Categories,
    formVersion: z.string().trim().min(1).max(20).default(CONSENT_FORM_VERSION),
    /** The language the person was informed in (ISO 639-1), e.g. ar, fa, uk, ti. */
    language: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z]{2,3}$/, { error: 'A language code such as de, ar or fa' }),
    givenOn: PastDate,
    method: z.enum(CONSENT_METHODS),
    expiresOn: IsoDate.nullish(),
  })
  .refine((c) => !c.expiresOn || c.expiresOn >= c.givenOn, {
    error: 'Expiry must not be before the consent was given',
    path: ['expiresOn'],
  });
export type ConsentCreateInput = z.infer<typeof ConsentCreateInput>;

export const ConsentWithdrawInput = z.object({ note: z.string().trim().max(1000).nullish(), version: z.number().int().positive() });
export type ConsentWithdrawInput = z.infer<typeof ConsentWithdrawInput>;

export const ConsentView = z.object({
  id: z.uuid(),
  participantId: z.uuid(),
  recipientOrganisationId: z.uuid(),
  recipientName: z.string(),
  categories: z.array(z.enum(CONSENT_CATEGORIES)),
  formVersion: z.string(),
  language: z.string(),
  givenOn: IsoDate,
  method: z.enum(CONSENT_METHODS),
  expiresOn: IsoDate.nullable(),
  withdrawnAt: z.iso.datetime().nullable(),
  withdrawalNote: z.string().nullable(),
  /** active: in force today; expired; withdrawn. */
  status: z.enum(['active', 'expired', 'withdrawn']),
  version: z.number().int(),
});
export type ConsentView = z.infer<typeof ConsentView>;

/** A blank form to print before it is signed. */
export const ConsentFormQuery = z.object({
  recipientOrganisationId: z.uuid(),
  categories: z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(Categories),
  language: z.enum(CONSENT_FORM_LANGUAGES).default('de'),
  expiresOn: IsoDate.optional(),
});

export const ConsentPdfQuery = z.object({ language: z.enum(CONSENT_FORM_LANGUAGES).default('de') });

/** Organisations a consent can name: active partners, employers and mentor groups of the network. */
export const ConsentRecipient = z.object({ id: z.uuid(), name: z.string(), kind: z.enum(['partner', 'employer', 'volunteer_group']) });
export type ConsentRecipient = z.infer<typeof ConsentRecipient>;
