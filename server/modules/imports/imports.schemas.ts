import { z } from 'zod';
import { IsoDate } from '../participants/participants.schemas.ts';

/** Fields a column of the file can be mapped to. */
export const IMPORT_FIELDS = [
  'givenNames',
  'familyName',
  'preferredName',
  'birthDate',
  'gender',
  'nationality',
  'germanLevel',
  'phone',
  'email',
  'street',
  'postcode',
  'town',
  'interpreterNeeded',
  'entryDate',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const UploadQuery = z.object({
  officeId: z.uuid(),
  fileName: z.string().trim().min(1).max(200),
});

/** Column name in the file → Lotse field; unmapped columns are ignored. */
export const ImportMapping = z.record(z.string(), z.enum(IMPORT_FIELDS));

export const ImportSettings = z.object({
  mapping: ImportMapping,
  /** The city and status every imported case starts with. */
  cityId: z.uuid(),
  status: z.enum(['invited', 'active']).default('active'),
  caseManagerId: z.uuid().optional(),
  fundingPeriodId: z.uuid().nullish(),
  /** Rows flagged as likely duplicates that should be imported all the same. */
  includeDuplicateRows: z.array(z.number().int().positive()).max(200_000).default([]),
});
export type ImportSettings = z.infer<typeof ImportSettings>;

export const UploadView = z.object({
  id: z.uuid(),
  fileName: z.string(),
  rowCount: z.number().int(),
  columns: z.array(z.string()),
  sample: z.array(z.array(z.string())),
  suggestedMapping: ImportMapping,
  encoding: z.enum(['utf-8', 'windows-1252']).nullable(),
});
export type UploadView = z.infer<typeof UploadView>;

export const RowProblem = z.object({
  /** The row's line in the file (the header is line 1). */
  row: z.number().int(),
  errors: z.record(z.string(), z.array(z.string())),
  /** Likely duplicates: existing records (ids) or earlier rows of the same file. */
  duplicateOf: z.array(
    z.object({ participantId: z.uuid().nullable(), row: z.number().int().nullable(), officeName: z.string().nullable() }),
  ),
});
export type RowProblem = z.infer<typeof RowProblem>;

export const PreviewView = z.object({
  rowCount: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  duplicates: z.number().int(),
  /** Rows with errors or likely duplicates; at most 500. */
  problems: z.array(RowProblem),
  missingRequired: z.array(z.enum(IMPORT_FIELDS)),
});
export type PreviewView = z.infer<typeof PreviewView>;

export const ImportResult = z.object({
  imported: z.number().int(),
  skippedDuplicates: z.number().int(),
  finishedAt: IsoDate.or(z.iso.datetime()),
});
