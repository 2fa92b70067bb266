import { useQuery } from '@tanstack/react-query';
import type { AppointmentView, ConferenceView } from '../../../server/modules/appointments/appointments.schemas.ts';
import type { StepTypeView } from '../../../server/modules/plans/plans.schemas.ts';
import type { ReferralListItem, ReferralView, ReferredParticipantView } from '../../../server/modules/referrals/referrals.schemas.ts';
import type { WeekView } from '../../../server/modules/worklists/worklists.schemas.ts';
import { api } from '../../shared/api/client.ts';

// The cycle's reads, each under one query key so that a change can refresh exactly
// what it touched: a referral with its appointments, a conference, the week.

export type ReferralBox = 'inbox' | 'active' | 'closed';
export interface Caseworker {
  id: string;
  displayName: string;
}

export const weekKey = ['/api/my-week'] as const;
export const referralListKey = ['/api/referrals'] as const;
export const referralKey = (id: string) => ['/api/referrals', id] as const;
export const appointmentsKey = (referralId: string) => ['/api/appointments', referralId] as const;
export const conferenceKey = (id: string) => ['/api/conferences', id] as const;

export function useWeek() {
  return useQuery({ queryKey: weekKey, queryFn: () => api.get<WeekView>('/api/my-week', { days: 7 }) });
}

export function useReferrals(box: ReferralBox) {
  return useQuery({ queryKey: [...referralListKey, 'box', box], queryFn: () => api.get<ReferralListItem[]>('/api/referrals', { box }) });
}

export function useReferral(id: string) {
  return useQuery({ queryKey: referralKey(id), queryFn: () => api.get<ReferralView>(`/api/referrals/${id}`) });
}

export function useCaseworkers(referralId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...referralKey(referralId), 'caseworkers'],
    queryFn: () => api.get<Caseworker[]>(`/api/referrals/${referralId}/caseworkers`),
    enabled,
  });
}

export function useReferredParticipant(referralId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...referralKey(referralId), 'participant'],
    queryFn: () => api.get<ReferredParticipantView>(`/api/referrals/${referralId}/participant`),
    enabled,
  });
}

export function useAppointments(referralId: string, enabled = true) {
  return useQuery({
    queryKey: appointmentsKey(referralId),
    queryFn: () => api.get<AppointmentView[]>('/api/appointments', { referralId }),
    enabled,
  });
}

export function useConference(id: string) {
  return useQuery({ queryKey: conferenceKey(id), queryFn: () => api.get<ConferenceView>(`/api/conferences/${id}`) });
}

export function useStepTypes() {
  return useQuery({ queryKey: ['/api/step-types'], queryFn: () => api.get<StepTypeView[]>('/api/step-types'), staleTime: 5 * 60_000 });
}
