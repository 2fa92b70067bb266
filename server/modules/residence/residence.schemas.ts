import { z } from 'zod';
import { IsoDate } from '../participants/participants.schemas.ts';

// Residence status is data, not legal advice: Lotse stores what the document says.
export const RESIDENCE_TITLES = [
  'aufenthaltsgestattung',
  'duldung',
  'ausbildungsduldung',
  'beschaeftigungsduldung',
  'aufenthaltserlaubnis',
  'temporary_protection',
  'niederlassungserlaubnis',
  'other',
] as const;
/** The work clause printed on the document. */
export const WORK_CLAUSES = ['permitted', 'permission_required', 'not_permitted'] as const;

const ResidenceFields = z.object({
  title: z.enum(RESIDENCE_TITLES),
  /** The paragraph, e.g. "§ 25 Abs. 2", "§ 16g", "§ 104c". */
  paragraph: z.string().trim().max(40).nullish(),
  validFrom: IsoDate.nullish(),
  validUntil: IsoDate.nullish(),
  workClause: z.enum(WORK_CLAUSES),
  entryDate: IsoDate.nullish(),
  note: z.string().trim().max(1000).nullish(),
});
const datesInOrder = (r: { validFrom?: string | null; validUntil?: string | null }) =>
  !r.validFrom || !r.validUntil || r.validUntil >= r.validFrom;

export const ResidenceCreateInput = ResidenceFields.refine(datesInOrder, {
  error: 'Valid until must not be before valid from',
  path: ['validUntil'],
});
export type ResidenceCreateInput = z.infer<typeof ResidenceCreateInput>;

export const ResidenceUpdateInput = ResidenceFields.partial()
  .extend({ version: z.number().int().positive() })
  .refine(datesInOrder, { error: 'Valid until must not be before valid from', path: ['validUntil'] });
export type ResidenceUpdateInput = z.infer<typeof ResidenceUpdateInput>;

export const ResidenceView = z.object({
  id: z.uuid(),
  participantId: z.uuid(),
  title: z.enum(RESIDENCE_TITLES),
  paragraph: z.string().nullable(),
  validFrom: IsoDate.nullable(),
  validUntil: IsoDate.nullable(),
  workClause: z.enum(WORK_CLAUSES),
  entryDate: IsoDate.nullable(),
  note: z.string().nullable(),
  /** Whether this is the document in force (the latest). */
  current: z.boolean(),
  version: z.number().int(),
});
export type ResidenceView = z.infer<typeof ResidenceView>;

export const DEADLINE_KINDS = ['residence_expiry', 'employability_review'] as const;

export const DeadlineView = z.object({
  participantId: z.uuid(),
  givenNames: z.string(),
  familyName: z.string(),
  kind: z.enum(DEADLINE_KINDS),
  date: IsoDate,
  /** Negative when the date has passed. */
  daysLeft: z.number().int(),
  title: z.enum(RESIDENCE_TITLES).nullable(),
});
export type DeadlineView = z.infer<typeof DeadlineView>;

export const DeadlineQuery = z.object({
  withinDays: z.coerce.number().int().min(0).max(365).default(42),
  /** Only the people whose case manager I am. */
  mine: z.enum(['true', 'false']).default('false'),
});
