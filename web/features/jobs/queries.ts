import { useQuery } from '@tanstack/react-query';
import type { EmployerContactView, EmployerView } from '../../../server/modules/employers/employers.schemas.ts';
import type {
  CandidateMatches,
  CaseloadMatches,
  JobProfileView,
  VacancyMatches,
} from '../../../server/modules/matching/matching.schemas.ts';
import type { PlacementView } from '../../../server/modules/placements/placements.schemas.ts';
import type { ApplicationCoachingView, StepTypeView } from '../../../server/modules/plans/plans.schemas.ts';
import { api } from '../../shared/api/client.ts';
import { employersKey, vacanciesKey } from '../../shared/jobs/queries.ts';
import type { z } from 'zod';

// The staff's reads for employers, matching, the job profile, placements and coaching.

export type CandidateMatchList = z.infer<typeof CandidateMatches>;
export type VacancyMatchList = z.infer<typeof VacancyMatches>;
export type CaseloadMatchList = z.infer<typeof CaseloadMatches>;
export type CaseloadPerson = CaseloadMatchList['people'][number];

const participantKey = (id: string, part: string) => ['/api/participants', id, part] as const;
export const employerKey = (id: string) => [...employersKey, id] as const;
export const contactLogKey = (id: string) => [...employersKey, id, 'contacts'] as const;
export const jobProfileKey = (participantId: string) => participantKey(participantId, 'job-profile');
export const placementsKey = (participantId: string) => participantKey(participantId, 'placements');
/** The start page's due follow-ups (home/FollowUpsSection.tsx asks under the same key). */
export const dueFollowUpsKey = ['/api/placement-follow-ups/due'] as const;

export function useEmployer(id: string) {
  return useQuery({ queryKey: employerKey(id), queryFn: () => api.get<EmployerView>(`/api/employers/${id}`) });
}

export function useContactLog(employerId: string) {
  return useQuery({
    queryKey: contactLogKey(employerId),
    queryFn: () => api.get<EmployerContactView[]>(`/api/employers/${employerId}/contacts`),
  });
}

/** The ranked candidates for a vacancy, asked for only when the case manager runs the match. */
export function useCandidateMatches(vacancyId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...vacanciesKey, vacancyId, 'matches'],
    queryFn: () => api.get<CandidateMatchList>(`/api/vacancies/${vacancyId}/matches`, { limit: 25 }),
    enabled,
  });
}

export function useVacancyMatches(participantId: string, enabled: boolean) {
  return useQuery({
    queryKey: participantKey(participantId, 'matches'),
    queryFn: () => api.get<VacancyMatchList>(`/api/participants/${participantId}/matches`, { limit: 25 }),
    enabled,
  });
}

/** The best vacancies for everyone of the office's caseload; a big office takes a few seconds. */
export const caseloadMatchesKey = ['/api/matches'] as const;
export function useCaseloadMatches(perPerson: number) {
  return useQuery({
    queryKey: [...caseloadMatchesKey, perPerson],
    queryFn: () => api.get<CaseloadMatchList>('/api/matches', { perPerson }),
    // Each run ranks the whole caseload (and is logged): coming back to the page does not run it again.
    staleTime: 5 * 60_000,
  });
}

export function useJobProfile(participantId: string) {
  return useQuery({
    queryKey: jobProfileKey(participantId),
    queryFn: () => api.get<JobProfileView>(`/api/participants/${participantId}/job-profile`),
  });
}

export function usePlacements(participantId: string) {
  return useQuery({
    queryKey: placementsKey(participantId),
    queryFn: () => api.get<PlacementView[]>(`/api/participants/${participantId}/placements`),
  });
}

export function useApplicationCoaching(participantId: string) {
  return useQuery({
    queryKey: participantKey(participantId, 'application-coaching'),
    queryFn: () => api.get<ApplicationCoachingView>(`/api/participants/${participantId}/application-coaching`),
  });
}

export function useStepTypes() {
  return useQuery({ queryKey: ['/api/step-types'], queryFn: () => api.get<StepTypeView[]>('/api/step-types'), staleTime: 5 * 60_000 });
}

/** A step type's label in the UI language, German where it has none. */
export function stepTypeLabel(types: StepTypeView[] | undefined, key: string, language: string): string {
  const type = types?.find((s) => s.key === key);
  if (!type) return key;
  const own = type.labels[language.split('-')[0] as keyof StepTypeView['labels']];
  return own?.trim() ? own : type.labels.de;
}
