import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { type ReactNode, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { AppRouter } from '../../server/app-router';
import { errorCodeOf } from '../lib/error-message';
import { i18n } from '../lib/i18n/i18n';
import { createTrpcClient, TRPCProvider } from '../lib/trpc';

/** Codes for which asking again will give the same answer. */
const FINAL_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'VALIDATION', 'RATE_LIMITED']);

function createClients() {
  const trpcClient = createTrpcClient();
  const queryClient: QueryClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failures, error) => failures < 2 && !FINAL_CODES.has(errorCodeOf(error)),
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
  return { trpcClient, queryClient };
}

export function Providers({ children }: { children: ReactNode }) {
  const [{ queryClient, trpcClient }] = useState(createClients);
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
