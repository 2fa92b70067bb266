import { useQuery } from '@tanstack/react-query';
import type { SkillView } from '../../../server/modules/catalogues/catalogues.schemas.ts';
import type { EmployerView } from '../../../server/modules/employers/employers.schemas.ts';
import type { ProposalListQuery, ProposalView } from '../../../server/modules/proposals/proposals.schemas.ts';
import type { VacancyView } from '../../../server/modules/vacancies/vacancies.schemas.ts';
import { api, type Page } from '../api/client.ts';

// The reads both the staff's jobs pages and the employer's portal make. Keys start with the
// endpoint's path, so that a change refreshes every list and record of that kind at once.

export const employersKey = ['/api/employers'] as const;
export const vacanciesKey = ['/api/vacancies'] as const;
export const proposalsKey = ['/api/proposals'] as const;

export const vacancyKey = (id: string) => [...vacanciesKey, id] as const;
export const proposalKey = (id: string) => [...proposalsKey, id] as const;

export function useSkills() {
  return useQuery({ queryKey: ['/api/skills'], queryFn: () => api.get<SkillView[]>('/api/skills'), staleTime: 5 * 60_000 });
}

/** The employers to choose from (for an employer's contact: their own company only). */
export function useEmployerOptions() {
  return useQuery({
    queryKey: [...employersKey, 'options'],
    queryFn: () => api.get<Page<EmployerView>>('/api/employers', { pageSize: 200, sort: 'name', order: 'asc' }),
    select: (page) => page.items,
  });
}

export function useVacancy(id: string) {
  return useQuery({ queryKey: vacancyKey(id), queryFn: () => api.get<VacancyView>(`/api/vacancies/${id}`) });
}

export function useProposals(filters: ProposalListQuery, enabled = true) {
  return useQuery({
    queryKey: [...proposalsKey, 'list', filters],
    queryFn: () => api.get<ProposalView[]>('/api/proposals', { ...filters }),
    enabled,
  });
}

export function useProposal(id: string) {
  return useQuery({ queryKey: proposalKey(id), queryFn: () => api.get<ProposalView>(`/api/proposals/${id}`) });
}

/** The skill's label in the UI language (the catalogue has German and English). */
export function skillLabel(skill: { labelDe: string; labelEn: string }, language: string): string {
  return language.startsWith('de') ? skill.labelDe : skill.labelEn || skill.labelDe;
}
