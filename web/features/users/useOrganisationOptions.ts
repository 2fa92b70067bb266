import { useQuery } from '@tanstack/react-query';
import type { OrganisationView } from '../../../server/modules/organisations/organisations.schemas.ts';
import { fetchAllPages } from '../../shared/lists/fetchAll.ts';

/** Every organisation of the network, for choosing where a role belongs. */
export function useOrganisationOptions() {
  return useQuery({
    queryKey: ['/api/organisations', { all: true }],
    queryFn: () => fetchAllPages<OrganisationView>('/api/organisations', { sort: 'name', order: 'asc' }),
    staleTime: 60_000,
  });
}
