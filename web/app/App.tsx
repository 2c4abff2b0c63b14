import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { isApiError } from '../lib/api.ts';
import { clearOfflineData, registerServiceWorker } from '../lib/offline.ts';
import { forgetUserAfterExpiry, meQuery } from '../lib/session.ts';
import { AppRoutes } from '../routes/AppRoutes.tsx';
import { buildTheme, cssVariablesResolver } from './theme.ts';

function createQueryClient() {
  const client: QueryClient = new QueryClient({
    // A session that expired mid-use makes any call answer 401: forget the user so the guard sends them
    // to sign in, keeping the page they were on.
    queryCache: new QueryCache({ onError: (error) => forgetUserIfSessionEnded(error) }),
    mutationCache: new MutationCache({ onError: (error) => forgetUserIfSessionEnded(error) }),
    defaultOptions: {
      queries: {
        // Client errors will not fix themselves; only retry what may be a flaky provincial link.
        retry: (failures, error) =>
          failures < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: false,
      },
    },
  });
  function forgetUserIfSessionEnded(error: unknown) {
    if (isApiError(error, 401) && error.code === 'UNAUTHENTICATED') {
      void clearOfflineData();
      forgetUserAfterExpiry(client);
    }
  }
  return client;
}

const queryClient = createQueryClient();
// Ask who is signed in before anything else is requested: the browser opens only six connections at
// a time, and on slow 3G a session check queued behind the page's code costs seconds.
void queryClient.prefetchQuery(meQuery);
registerServiceWorker();

export function App() {
  const { t } = useTranslation();
  const closeLabel = t('common.close');
  const passwordVisibilityLabel = t('common.passwordVisibility');
  const theme = useMemo(
    () => buildTheme({ closeLabel, passwordVisibilityLabel }),
    [closeLabel, passwordVisibilityLabel],
  );
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
      <Notifications position="top-center" />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <ErrorBoundary>
            <AppRoutes />
          </ErrorBoundary>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
