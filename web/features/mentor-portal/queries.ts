import { useQuery } from '@tanstack/react-query';
import type { MenteeSummary, MenteeView } from '../../../server/modules/mentorships/mentee.schemas.ts';
import { api } from '../../shared/api/client.ts';

// The mentor's own reads: their running mentorships' mentees.

export const menteesKey = ['mentor', 'mentees'] as const;
export const menteeKey = (mentorshipId: string) => [...menteesKey, mentorshipId] as const;

export function useMentees() {
  return useQuery({ queryKey: menteesKey, queryFn: () => api.get<{ items: MenteeSummary[]; hours: number }>('/api/mentor/mentees') });
}

export function useMentee(mentorshipId: string) {
  return useQuery({ queryKey: menteeKey(mentorshipId), queryFn: () => api.get<MenteeView>(`/api/mentor/mentees/${mentorshipId}`) });
}
