import { DirectionProvider, MantineProvider } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { ApiError } from '../shared/api/client.ts';
import { endSession, meQueryKey } from '../shared/api/session.ts';
import { directionOf } from '../shared/i18n/direction.ts';
import { i18n } from '../shared/i18n/i18n.ts';
import { LanguageEffects } from './LanguageEffects.tsx';
import { router } from './router.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

/** A 401 from any request while logged in means the session ended (idle timeout, disabled account): back to login. */
function onError(error: unknown): void {
  if (error instanceof ApiError && error.status === 401 && queryClient.getQueryData(meQueryKey)) endSession(queryClient);
}

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      // Retry only what may pass on a second try: no answer, or a server error.
      retry: (failures, error) => failures < 2 && (!(error instanceof ApiError) || error.status === 0 || error.status >= 500),
      refetchOnWindowFocus: false,
    },
  },
});

export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <DirectionProvider initialDirection={directionOf(i18n.language)} detectDirection={false}>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
          <QueryClientProvider client={queryClient}>
            <LanguageEffects />
            <RouterProvider router={router} />
          </QueryClientProvider>
        </MantineProvider>
      </DirectionProvider>
    </I18nextProvider>
  );
}
