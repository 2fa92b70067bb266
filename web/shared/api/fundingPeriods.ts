import { useQuery } from '@tanstack/react-query';
import type { FundingPeriodView } from '../../../server/modules/catalogues/catalogues.schemas.ts';
import { api } from './client.ts';

// The network's funding periods: a short list that the participant forms and the
// import choose from.
export function useFundingPeriods() {
  return useQuery({ queryKey: ['/api/funding-periods'], queryFn: () => api.get<FundingPeriodView[]>('/api/funding-periods') });
}
