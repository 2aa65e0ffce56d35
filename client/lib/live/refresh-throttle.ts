/** A cached query as the throttle sees it: its identity in the cache and its key. */
export interface ThrottledQuery {
  queryHash: string;
  queryKey: readonly unknown[];
}

export interface RefreshThrottle {
  /** Asks for these queries to be refreshed: now if their last refresh is old enough, else once later. */
  request(queries: Iterable<ThrottledQuery>): void;
  /** Cancels the refreshes still waiting (the page is leaving). */
  stop(): void;
}

/**
 * At most one refresh per query per `minIntervalMs`, however many changes touch it: a query refreshed
 * less than that long ago is refreshed once more when the interval ends, with every change asked in
 * between. Under a stream of changes (progress arriving from the whole country) an open page refetches
 * at most once a second, and still shows the last change within a second of it.
 */
export function createRefreshThrottle(options: {
  minIntervalMs: number;
  refresh: (query: ThrottledQuery) => void;
  now?: () => number;
}): RefreshThrottle {
  const now = options.now ?? (() => Date.now());
  const lastRefresh = new Map<string, number>();
  const waiting = new Map<string, ReturnType<typeof setTimeout>>();

  const refresh = (query: ThrottledQuery) => {
    waiting.delete(query.queryHash);
    lastRefresh.set(query.queryHash, now());
    options.refresh(query);
  };

  return {
    request(queries) {
      const at = now();
      // Forget what is too old to delay anything: the map stays as small as the queries in use.
      for (const [hash, last] of lastRefresh) {
        if (at - last >= options.minIntervalMs && !waiting.has(hash)) lastRefresh.delete(hash);
      }
      for (const query of queries) {
        if (waiting.has(query.queryHash)) continue;
        const last = lastRefresh.get(query.queryHash);
        const wait = last === undefined ? 0 : last + options.minIntervalMs - at;
        if (wait <= 0) refresh(query);
        else
          waiting.set(
            query.queryHash,
            setTimeout(() => refresh(query), wait),
          );
      }
    },
    stop() {
      for (const timer of waiting.values()) clearTimeout(timer);
      waiting.clear();
    },
  };
}
