import { z } from 'zod';
import { IsoDate } from '../participants/participants.schemas.ts';

export const EMPLOYABILITY_RESULTS = ['fit', 'fit_with_restrictions', 'not_fit_for_now'] as const;

export const EmployabilityInput = z
  .object({
    needed: z.boolean(),
    result: z.enum(EMPLOYABILITY_RESULTS).nullable().default(null),
    restrictions: z.string().trim().max(2000).nullable().default(null),
    checkedOn: IsoDate.nullable().default(null),
    reviewOn: IsoDate.nullable().default(null),
    /** The version read; absent when the check is recorded for the first time. */
    version: z.number().int().positive().optional(),
  })
  .refine((c) => c.needed || (!c.result && !c.restrictions), { error: 'No result without a check', path: ['result'] })
  .refine((c) => c.result !== 'fit_with_restrictions' || !!c.restrictions, { error: 'Name the restrictions', path: ['restrictions'] });
export type EmployabilityInput = z.infer<typeof EmployabilityInput>;

export const EmployabilityView = z.object({
  needed: z.boolean(),
  result: z.enum(EMPLOYABILITY_RESULTS).nullable(),
  restrictions: z.string().nullable(),
  checkedOn: IsoDate.nullable(),
  reviewOn: IsoDate.nullable(),
  version: z.number().int(),
});
export type EmployabilityView = z.infer<typeof EmployabilityView>;
