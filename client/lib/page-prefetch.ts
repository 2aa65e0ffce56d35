import type { QueryClient } from '@tanstack/react-query';
import type { useTRPC } from './trpc';

export interface PagePrefetchContext {
  queryClient: QueryClient;
  trpc: ReturnType<typeof useTRPC>;
  /** The address's query string, for pages whose state lives there. */
  search: URLSearchParams;
}

/**
 * A lazy page's `prefetch` export: asks for the page's data once the user is known, while the page is
 * still being drawn, with the same query definitions its hooks use.
 */
export type PagePrefetch = (context: PagePrefetchContext) => void;
