import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { EnrolmentView } from '../../../server/modules/offers/enrolments.schemas.ts';
import type { OfferProvider, OfferView } from '../../../server/modules/offers/offers.schemas.ts';
import { api } from '../../shared/api/client.ts';

// The reads of the offers feature. Every key starts with /api/offers or the participant's,
// so that a change invalidates the catalogue, the offer page and the case file together.

export const offersKey = ['/api/offers'] as const;
export const offerKey = (id: string) => [...offersKey, id] as const;
export const offerEnrolmentsKey = (id: string) => [...offersKey, id, 'enrolments'] as const;
export const participantEnrolmentsKey = (participantId: string) => ['/api/participants', participantId, 'enrolments'] as const;

export function useOffer(id: string) {
  return useQuery({ queryKey: offerKey(id), queryFn: () => api.get<OfferView>(`/api/offers/${id}`) });
}

export function useOfferEnrolments(id: string) {
  return useQuery({ queryKey: offerEnrolmentsKey(id), queryFn: () => api.get<EnrolmentView[]>(`/api/offers/${id}/enrolments`) });
}

export function useParticipantEnrolments(participantId: string) {
  return useQuery({
    queryKey: participantEnrolmentsKey(participantId),
    queryFn: () => api.get<EnrolmentView[]>(`/api/participants/${participantId}/enrolments`),
  });
}

export function useProviders() {
  return useQuery({
    queryKey: ['/api/offer-providers'],
    queryFn: () => api.get<z.infer<typeof OfferProvider>[]>('/api/offer-providers'),
    staleTime: 60_000,
  });
}
