import { z } from 'zod';
import { listQuery, pageOf } from '../../http/lists.ts';
import { BirthDate } from '../participants/participants.schemas.ts';

export const BIRTH_DATE_MATCHES = ['same', 'day_month_swapped', 'first_of_january', 'missing'] as const;

export const DuplicateCheckInput = z.object({
  givenNames: z.string().trim().min(1).max(100),
  familyName: z.string().trim().min(1).max(100),
  preferredName: z.string().trim().max(100).nullish(),
  birthDate: BirthDate.nullish(),
  /** The record being edited, which is not its own duplicate. */
  excludeId: z.uuid().optional(),
});
export type DuplicateCheckInput = z.infer<typeof DuplicateCheckInput>;

/**
 * A likely duplicate. Records of offices the user may not see show only the office:
 * enough to call them, nothing about the person.
 */
export const DuplicateCandidate = z.object({
  id: z.uuid(),
  visible: z.boolean(),
  officeName: z.string(),
  givenNames: z.string().nullable(),
  familyName: z.string().nullable(),
  birthDate: z.iso.date().nullable(),
  birthDateMatch: z.enum(BIRTH_DATE_MATCHES),
  similarity: z.number(),
});
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;

export const DuplicatePair = z.object({ a: DuplicateCandidate, b: DuplicateCandidate });
export type DuplicatePair = z.infer<typeof DuplicatePair>;

export const MERGEABLE_FIELDS = [
  'givenNames',
  'familyName',
  'preferredName',
  'birthDate',
  'gender',
  'nationality',
  'languages',
  'germanLevel',
  'phone',
  'email',
  'street',
  'postcode',
  'town',
  'housing',
  'familyStatus',
  'childrenCount',
  'childcareNeeded',
  'interpreterNeeded',
  'interpreterLanguage',
] as const;

export const MergeInput = z.object({
  /** The record that goes away; its cases, documents and consents move to the kept one. */
  mergedId: z.uuid(),
  /** Fields whose value is taken from the merged record instead of the kept one. */
  takeFromMerged: z.array(z.enum(MERGEABLE_FIELDS)).default([]),
  keptVersion: z.number().int().positive(),
  mergedVersion: z.number().int().positive(),
});
export type MergeInput = z.infer<typeof MergeInput>;

export const MergePreview = z.object({
  fields: z.array(z.object({ field: z.enum(MERGEABLE_FIELDS), kept: z.unknown(), merged: z.unknown(), differs: z.boolean() })),
  moves: z.object({
    cases: z.number().int(),
    residenceStatuses: z.number().int(),
    consents: z.number().int(),
    intakes: z.number().int(),
    caseEvents: z.number().int(),
  }),
  /** An employability check on both sides cannot be merged automatically: the kept one stays. */
  employabilityConflict: z.boolean(),
  keptVersion: z.number().int(),
  mergedVersion: z.number().int(),
});
export type MergePreview = z.infer<typeof MergePreview>;

export const MergeView = z.object({
  id: z.uuid(),
  keptId: z.uuid(),
  mergedId: z.uuid(),
  mergedAt: z.iso.datetime(),
  undoneAt: z.iso.datetime().nullable(),
});
export type MergeView = z.infer<typeof MergeView>;

/** The admin's list of merges, newest first; `q` finds either person by name. */
export const MergeListQuery = listQuery(['mergedAt', 'keptFamilyName']).extend({
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type MergeListQuery = z.infer<typeof MergeListQuery>;

/** A merge with both people's names as the records hold them now, and who merged. */
export const MergeListItem = MergeView.extend({
  keptGivenNames: z.string(),
  keptFamilyName: z.string(),
  mergedGivenNames: z.string(),
  mergedFamilyName: z.string(),
  mergedByName: z.string().nullable(),
});
export type MergeListItem = z.infer<typeof MergeListItem>;

export const MergePage = pageOf(MergeListItem);
