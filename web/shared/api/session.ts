import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { MeView } from '../../../server/modules/auth/auth.schemas.ts';
import { api, ApiError, rememberCsrfToken } from './client.ts';

// Who is logged in: the MeView from the server, or null. Everything that depends
// on the user (navigation, language, start page) reads it from this one query.

export const meQueryKey = ['me'] as const;

async function fetchMe(): Promise<MeView | null> {
  try {
    return remember(await api.get<MeView>('/api/me'));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return remember(null);
    throw error;
  }
}

function remember(me: MeView | null): MeView | null {
  rememberCsrfToken(me?.csrfToken);
  return me;
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: Infinity, retry: false });
}

/** After login or a profile change: the server's answer becomes the session. */
export function acceptSession(queryClient: QueryClient, me: MeView): void {
  remember(me);
  queryClient.setQueryData(meQueryKey, me);
}

/** After logout or an expired session: forget everything that was loaded. */
export function endSession(queryClient: QueryClient): void {
  remember(null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
  queryClient.setQueryData(meQueryKey, null);
}

/** The logged-in user, inside pages that are only shown after login. */
export function useCurrentUser(): MeView {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser outside a logged-in page');
  return data;
}
