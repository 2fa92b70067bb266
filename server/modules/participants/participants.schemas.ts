import { z } from 'zod';
import { listQuery, pageOf } from '../../http/lists.ts';

export const GENDERS = ['female', 'male', 'non_binary', 'not_stated'] as const;
export const CASE_STATUSES = ['invited', 'active', 'paused', 'placed', 'closed', 'dropped_out'] as const;

export const ParticipantListItem = z.object({
  id: z.uuid(),
  givenNames: z.string(),
  familyName: z.string(),
  birthDate: z.iso.date().nullable(),
  gender: z.enum(GENDERS),
  officeId: z.uuid(),
  officeName: z.string(),
  cityName: z.string().nullable(),
  caseStatus: z.enum(CASE_STATUSES).nullable(),
  caseManagerName: z.string().nullable(),
  entryDate: z.iso.date().nullable(),
});
export type ParticipantListItem = z.infer<typeof ParticipantListItem>;

export const ParticipantView = ParticipantListItem.extend({ version: z.number().int() });
export type ParticipantView = z.infer<typeof ParticipantView>;

export const ParticipantListQuery = listQuery(['familyName', 'givenNames', 'birthDate', 'entryDate', 'caseStatus']).extend({
  status: z.enum(CASE_STATUSES).optional(),
});
export type ParticipantListQuery = z.infer<typeof ParticipantListQuery>;

export const ParticipantPage = pageOf(ParticipantListItem);
