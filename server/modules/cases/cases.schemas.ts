import { z } from 'zod';
import { CASE_STATUSES, IsoDate } from '../participants/participants.schemas.ts';

export const EXIT_REASONS = [
  'placed_employment',
  'placed_apprenticeship',
  'education_or_training',
  'moved_away',
  'no_contact',
  'health',
  'other',
] as const;
/** Statuses that end a case: they need an exit date and reason. */
export const CLOSING_STATUSES = ['placed', 'closed', 'dropped_out'] as const;

export const CaseUpdateInput = z
  .object({
    status: z.enum(CASE_STATUSES).optional(),
    caseManagerId: z.uuid().optional(),
    cityId: z.uuid().optional(),
    fundingPeriodId: z.uuid().nullable().optional(),
    entryDate: IsoDate.nullable().optional(),
    exitDate: IsoDate.nullable().optional(),
    exitReason: z.enum(EXIT_REASONS).nullable().optional(),
    version: z.number().int().positive(),
  })
  .refine((c) => !c.entryDate || !c.exitDate || c.exitDate >= c.entryDate, {
    error: 'The exit cannot be before the entry',
    path: ['exitDate'],
  });
export type CaseUpdateInput = z.infer<typeof CaseUpdateInput>;
