import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { AppRouter } from '../../server/app-router';
import { errorCodeOf, isRetryable } from '../lib/error-message';
import { i18n } from '../lib/i18n/i18n';
import { createTrpcClient, TRPCProvider } from '../lib/trpc';

/** Asked again by itself only where that can help; a rate limit is not asked again at once. */
function retryQuery(failures: number, error: unknown): boolean {
  const code = errorCodeOf(error);
  return failures < 2 && isRetryable(code) && code !== 'RATE_LIMITED';
}

/** The app's query cache and API clients, made once when the app starts (main.tsx). */
export function createClients() {
  const trpcClient = createTrpcClient();
  const queryClient: QueryClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: retryQuery,
      },
    },
    // A session that ends mid-use (expired, revoked) sends the user to log in again.
    queryCache: new QueryCache({ onError: forgetUserIfSessionEnded }),
    mutationCache: new MutationCache({ onError: forgetUserIfSessionEnded }),
  });
  const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
  function forgetUserIfSessionEnded(error: unknown): void {
    if (errorCodeOf(error) === 'UNAUTHENTICATED') queryClient.setQueryData(trpc.auth.me.queryKey(), null);
  }
  return { trpcClient, queryClient, trpc };
}

export type Clients = ReturnType<typeof createClients>;

export function Providers({ clients, children }: { clients: Clients; children: ReactNode }) {
  const { queryClient, trpcClient } = clients;
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          {children}
        </TRPCProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
