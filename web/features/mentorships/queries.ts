import { useQuery } from '@tanstack/react-query';
import type { MentorshipDetail, MentorSuggestion } from '../../../server/modules/mentorships/mentorships.schemas.ts';
import type { VolunteerGroupView, VolunteerSettingsView, VolunteerView } from '../../../server/modules/volunteers/volunteers.schemas.ts';
import { api } from '../../shared/api/client.ts';

// The staff's reads of volunteers and mentorships.

export const volunteersKey = ['/api/volunteers'] as const;
export const mentorshipsKey = ['/api/mentorships'] as const;
export const settingsKey = ['/api/volunteer-settings'] as const;

export function useVolunteer(id: string) {
  return useQuery({ queryKey: [...volunteersKey, id], queryFn: () => api.get<VolunteerView>(`/api/volunteers/${id}`) });
}

export function useVolunteerGroups() {
  return useQuery({ queryKey: ['/api/volunteer-groups'], queryFn: () => api.get<VolunteerGroupView[]>('/api/volunteer-groups') });
}

export function useVolunteerSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: () => api.get<VolunteerSettingsView>('/api/volunteer-settings') });
}

export function useMentorship(id: string) {
  return useQuery({ queryKey: [...mentorshipsKey, id], queryFn: () => api.get<MentorshipDetail>(`/api/mentorships/${id}`) });
}

export function useSuggestions(participantId: string) {
  return useQuery({
    queryKey: ['mentor-suggestions', participantId],
    queryFn: () => api.get<MentorSuggestion[]>(`/api/participants/${participantId}/mentor-suggestions`),
    enabled: participantId !== '',
  });
}
