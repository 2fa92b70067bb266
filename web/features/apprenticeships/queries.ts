import { useQuery } from '@tanstack/react-query';
import type { AgreementView, HelperOptions, HelpRequestView } from '../../../server/modules/apprenticeships/apprenticeships.schemas.ts';
import type { PlacementView } from '../../../server/modules/placements/placements.schemas.ts';
import { api } from '../../shared/api/client.ts';

// The staff's reads for apprenticeship support.

export const LIST_PATH = '/api/apprenticeships';
export const agreementKey = (id: string) => [LIST_PATH, id] as const;
export const participantAgreementsKey = (participantId: string) => ['/api/participants', participantId, 'apprenticeships'] as const;
export const helpRequestsKey = ['/api/apprenticeship-help-requests'] as const;

export function useAgreement(id: string) {
  return useQuery({ queryKey: agreementKey(id), queryFn: () => api.get<AgreementView>(`${LIST_PATH}/${id}`) });
}

export function useParticipantAgreements(participantId: string) {
  return useQuery({
    queryKey: participantAgreementsKey(participantId),
    queryFn: () => api.get<AgreementView[]>(`/api/participants/${participantId}/apprenticeships`),
  });
}

/** The participant's placements: an apprenticeship one without an agreement may get one. */
export function usePlacementsOf(participantId: string) {
  return useQuery({
    queryKey: ['/api/participants', participantId, 'placements'],
    queryFn: () => api.get<PlacementView[]>(`/api/participants/${participantId}/placements`),
  });
}

export function useHelpers(employerId: string | undefined) {
  return useQuery({
    queryKey: ['/api/apprenticeship-helpers', employerId ?? ''],
    queryFn: () => api.get<HelperOptions>('/api/apprenticeship-helpers', employerId ? { employerId } : {}),
  });
}

export function useHelpRequests(open: boolean) {
  return useQuery({
    queryKey: [...helpRequestsKey, open],
    queryFn: () => api.get<HelpRequestView[]>('/api/apprenticeship-help-requests', { open }),
  });
}
