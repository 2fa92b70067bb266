import { useQuery } from '@tanstack/react-query';
import type { SkillView } from '../../../server/modules/catalogues/catalogues.schemas.ts';
import type { DuplicateCandidate } from '../../../server/modules/duplicates/duplicates.schemas.ts';
import type { ConsentRecipient } from '../../../server/modules/consents/consents.schemas.ts';
import type { CaseManagerOption } from '../../../server/modules/participants/participants.schemas.ts';
import { api } from '../../shared/api/client.ts';

// The short lists the case file's forms choose from.

export function useSkills() {
  return useQuery({ queryKey: ['/api/skills'], queryFn: () => api.get<SkillView[]>('/api/skills') });
}

export function useConsentRecipients() {
  return useQuery({ queryKey: ['/api/consent-recipients'], queryFn: () => api.get<ConsentRecipient[]>('/api/consent-recipients') });
}

/** The case managers of the user's offices, by name: who can take a case. */
export function useCaseManagers() {
  return useQuery({ queryKey: ['/api/case-managers'], queryFn: () => api.get<CaseManagerOption[]>('/api/case-managers') });
}

export function participantQueryKey(id: string) {
  return ['/api/participants', id] as const;
}

export function intakeQueryKey(participantId: string) {
  return ['/api/participants', participantId, 'intake'] as const;
}

export function consentsQueryKey(participantId: string) {
  return ['/api/participants', participantId, 'consents'] as const;
}

/**
 * Likely duplicates of the person being entered (a warning only: saving checks again).
 * Asked when a name or the birth date loses focus; nothing without both names.
 */
export async function lookForDuplicates(
  person: { givenNames: string; familyName: string; birthDate: string },
  excludeId?: string,
): Promise<DuplicateCandidate[]> {
  if (!person.givenNames.trim() || !person.familyName.trim()) return [];
  try {
    return await api.post<DuplicateCandidate[]>('/api/participants/duplicate-check', {
      givenNames: person.givenNames,
      familyName: person.familyName,
      birthDate: person.birthDate || null,
      excludeId,
    });
  } catch {
    return [];
  }
}
