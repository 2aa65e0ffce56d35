import {
  createTRPCClient,
  httpBatchLink,
  httpSubscriptionLink,
  splitLink,
  TRPCClientError,
} from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { AppRouter } from '../../server/app-router';
import { MAX_BATCH_CALLS } from '../../shared/api-limits';
import { decodeWire, encodeWire } from '../../shared/wire-format';
import { seenChangeHeaders } from './live/seen-change';

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type CurrentUser = NonNullable<RouterOutputs['auth']['me']>;

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

const API_URL = '/trpc';

/** superjson's wire format, without superjson on the first page (shared/wire-format.ts). */
const transformer = { serialize: encodeWire, deserialize: decodeWire };

export function createTrpcClient() {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({ url: API_URL, transformer }),
        false: httpBatchLink({
          url: API_URL,
          transformer,
          maxItems: MAX_BATCH_CALLS,
          headers: seenChangeHeaders,
        }),
      }),
    ],
  });
}

export function isTrpcClientError(error: unknown): error is TRPCClientError<AppRouter> {
  return error instanceof TRPCClientError;
}
