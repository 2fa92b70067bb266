import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Page, type QueryParams } from '../api/client.ts';

/** One page of a list endpoint; the previous page stays on screen while the next loads. */
export function usePage<T>(path: string, query: QueryParams) {
  return useQuery({ queryKey: [path, query], queryFn: () => api.get<Page<T>>(path, query), placeholderData: keepPreviousData });
}
