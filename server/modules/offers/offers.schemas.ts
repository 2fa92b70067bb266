import { z } from 'zod';
import { listQuery, pageOf } from '../../http/lists.ts';
import { IsoDate } from '../participants/participants.schemas.ts';

// The catalogue of offers (Angebote) that the network's partners run. Shared with the web app;
// enrolments and attendance are in enrolments.schemas.ts.

export const OFFER_KINDS = [
  'qualification',
  'internship',
  'low_threshold_training',
  'language_course',
  'integration_course',
  'application_training',
] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];
/** Whom an offer is for; none named: everyone. */
export const TARGET_GROUPS = ['women', 'young_people', 'older_people', 'health_restrictions', 'family_and_work'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];
export const ENROLMENT_STATES = ['enrolled', 'waiting', 'completed', 'dropped_out', 'cancelled'] as const;
export type EnrolmentState = (typeof ENROLMENT_STATES)[number];
export const ATTENDANCE_STATUSES = ['present', 'excused', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `At most ${max} characters` });
const optionalText = (max: number) =>
  text(max)
    .transform((v) => v || null)
    .nullish();
const targetGroups = z.array(z.enum(TARGET_GROUPS)).transform((g): TargetGroup[] => [...new Set(g)]);

/** The language it is taught in (ISO 639-1). */
const languageCode = z.string().regex(/^[a-z]{2}$/, { error: 'A language code such as de' });

export const OfferFields = z.object({
  providerOrganisationId: z.uuid({ error: 'Choose a partner organisation' }),
  kind: z.enum(OFFER_KINDS),
  targetGroups: targetGroups.default([]),
  title: text(200).min(1, { error: 'Required' }),
  description: text(5000).default(''),
  startsOn: IsoDate,
  endsOn: IsoDate,
  schedule: optionalText(200),
  place: optionalText(200),
  capacity: z.number().int({ error: 'A whole number' }).min(1, { error: 'At least 1' }).max(500, { error: 'At most 500' }),
  language: languageCode.default('de'),
  childcare: z.boolean().default(false),
});

const endsAfterStart = (o: { startsOn?: string; endsOn?: string }) => !o.startsOn || !o.endsOn || o.endsOn >= o.startsOn;
const endsAfterStartIssue = { error: 'The end cannot be before the start', path: ['endsOn'] };

export const OfferCreateInput = OfferFields.refine(endsAfterStart, endsAfterStartIssue);
export type OfferCreateInput = z.infer<typeof OfferCreateInput>;

/**
 * Changes named fields only; the provider stays. Zod 4 applies a default even inside
 * .partial(), so the fields with defaults are made plainly optional again.
 */
export const OfferUpdateInput = OfferFields.omit({ providerOrganisationId: true })
  .partial()
  .extend({
    targetGroups: targetGroups.optional(),
    description: text(5000).optional(),
    language: languageCode.optional(),
    childcare: z.boolean().optional(),
    version: z.number().int().positive(),
  })
  .refine(endsAfterStart, endsAfterStartIssue);
export type OfferUpdateInput = z.infer<typeof OfferUpdateInput>;

export const OfferView = z.object({
  id: z.uuid(),
  providerOrganisationId: z.uuid(),
  providerName: z.string(),
  kind: z.enum(OFFER_KINDS),
  targetGroups: z.array(z.enum(TARGET_GROUPS)),
  title: z.string(),
  description: z.string(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  schedule: z.string().nullable(),
  place: z.string().nullable(),
  capacity: z.number().int(),
  language: z.string(),
  childcare: z.boolean(),
  /** Places taken: enrolled and completed. Counts only, no one's name. */
  taken: z.number().int(),
  waiting: z.number().int(),
  freePlaces: z.number().int(),
  /** Whether this user may edit it (the provider's caseworkers, network admins). */
  manageable: z.boolean(),
  updatedAt: z.iso.datetime(),
  version: z.number().int(),
});
export type OfferView = z.infer<typeof OfferView>;

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const OfferListQuery = listQuery(['startsOn', 'title', 'provider', 'updatedAt'] as const).extend({
  kind: z.enum(OFFER_KINDS).optional(),
  targetGroup: z.enum(TARGET_GROUPS).optional(),
  providerId: z.uuid().optional(),
  /** Offers running on or after this day (they end then or later). */
  from: IsoDate.optional(),
  /** Offers that start by this day. */
  until: IsoDate.optional(),
  hasPlaces: flag.optional(),
  childcare: flag.optional(),
});
export type OfferListQuery = z.infer<typeof OfferListQuery>;

export const OfferPage = pageOf(OfferView);

export const OfferProvider = z.object({ id: z.uuid(), name: z.string() });
