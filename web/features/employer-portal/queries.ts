import { useQuery } from '@tanstack/react-query';
import type { CandidateProfileView } from '../../../server/modules/proposals/proposals.schemas.ts';
import { api } from '../../shared/api/client.ts';
import { proposalKey, useEmployerOptions } from '../../shared/jobs/queries.ts';

// The employer's portal reads: their own company, and a candidate as consented to them.

/** The contact's own company: for an employer's contact, GET /api/employers lists only theirs. */
export function useOwnCompany() {
  const employers = useEmployerOptions();
  return { ...employers, data: employers.data?.[0] };
}

export function useCandidate(proposalId: string) {
  return useQuery({
    queryKey: [...proposalKey(proposalId), 'candidate'],
    queryFn: () => api.get<CandidateProfileView>(`/api/proposals/${proposalId}/candidate`),
  });
}
