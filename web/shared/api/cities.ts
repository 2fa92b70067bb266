import { useQuery } from '@tanstack/react-query';
import type { CityView } from '../../../server/modules/cities/cities.schemas.ts';
import { api } from './client.ts';

// The network's cities: a short list that forms (an organisation's city) and the
// cities page both show; one query key, so a new city appears everywhere.
export const citiesQueryKey = ['cities'] as const;

export function useCities() {
  return useQuery({ queryKey: citiesQueryKey, queryFn: () => api.get<CityView[]>('/api/cities') });
}
