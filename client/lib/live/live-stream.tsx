import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ChangeEvent, LiveMessage } from '../../../shared/live-events';
import { isOversight } from '../../../shared/roles';
import { useTRPC } from '../trpc';
import { useCurrentUserQuery } from '../use-current-user';
import { connectionState, resubscribeDelay } from './connection-state';
import { cachesAffectedBy, filterKey, type Viewer } from './invalidations';
import type { LiveState } from './live-provider';
import { createRefreshThrottle, type ThrottledQuery } from './refresh-throttle';
import { noteChangeSeen } from './seen-change';

const FEED_LENGTH = 20;
/** Changes arriving within this window refresh each affected cache once. */
const COALESCE_MS = 150;
/** However many changes touch it, a query on screen refetches at most once in this time. */
const MIN_REFRESH_INTERVAL_MS = 1000;

function useOnline(): boolean {
  const [online, setOnline] = useState(() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return online;
}

/**
 * The page's one live stream (`live.changes`): it keeps the caches of what changed fresh, feeds the
 * activity list and tells the connection indicator how things stand (`onChange`, to `LiveProvider`).
 * On reconnection the client link sends the last event id it saw and the server replays what was missed.
 */
export function LiveStream({ onChange }: { onChange: (state: LiveState) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const online = useOnline();
  const [feed, setFeed] = useState<ChangeEvent[]>([]);
  const [databaseDown, setDatabaseDown] = useState(false);
  const [hasBeenLive, setHasBeenLive] = useState(false);
  /** The last event id seen, and the id a restarted stream resumes from (the server replays after it). */
  const lastSeen = useRef<string | null>(null);
  const [resumeFrom, setResumeFrom] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const pending = useRef(new Map<string, ReturnType<typeof cachesAffectedBy>[number]>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const me = useCurrentUserQuery().data;
  const viewer = useMemo<Viewer | undefined>(
    () => (me ? { agencyId: me.agencyId, oversight: isOversight(me.role) } : undefined),
    [me],
  );
  const [throttle] = useState(() =>
    createRefreshThrottle({
      minIntervalMs: MIN_REFRESH_INTERVAL_MS,
      refresh: (query) => void queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true }),
    }),
  );
  useEffect(() => () => throttle.stop(), [throttle]);

  const flush = useCallback(() => {
    timer.current = undefined;
    const filters = [...pending.current.values()];
    pending.current.clear();
    // Each cached query the changes touch, once, however many filters match it.
    const queries = new Map<string, ThrottledQuery>();
    for (const filter of filters) {
      for (const query of queryClient.getQueryCache().findAll(filter)) queries.set(query.queryHash, query);
    }
    throttle.request(queries.values());
  }, [queryClient, throttle]);

  const onData = useCallback(
    (tracked: { id: string; data: LiveMessage }) => {
      lastSeen.current = tracked.id;
      noteChangeSeen(tracked.id);
      const message = tracked.data;
      if (message.kind === 'status') {
        setDatabaseDown(message.database === 'down');
        return;
      }
      const { kind: _kind, ...change } = message;
      // A part's change is in the feed already, as itself; its parent's event only refreshes caches.
      if (change.type !== 'task.partChanged')
        setFeed((current) => [change, ...current.filter((c) => c.id !== change.id)].slice(0, FEED_LENGTH));
      for (const filter of cachesAffectedBy(change, trpc, viewer)) {
        pending.current.set(filterKey(filter), filter);
      }
      timer.current ??= setTimeout(flush, COALESCE_MS);
    },
    [trpc, flush, viewer],
  );

  useEffect(() => () => clearTimeout(timer.current), []);

  const subscription = useSubscription(
    trpc.live.changes.subscriptionOptions(resumeFrom ? { lastEventId: resumeFrom } : {}, { onData }),
  );
  const live = subscription.status === 'pending' && subscription.data !== undefined;
  useEffect(() => {
    if (!live) return;
    setHasBeenLive(true);
    setAttempt(0);
  }, [live]);

  // A stream the browser gave up on starts again by itself, from the last event it saw.
  const { status, reset } = subscription;
  const delay = resubscribeDelay({ status, hasBeenLive: hasBeenLive || live, attempt });
  useEffect(() => {
    if (delay === null) return;
    const retry = setTimeout(() => {
      setAttempt(attempt + 1);
      if (lastSeen.current !== resumeFrom) setResumeFrom(lastSeen.current);
      else reset();
    }, delay);
    return () => clearTimeout(retry);
  }, [delay, attempt, reset, resumeFrom]);

  const state = connectionState({
    online,
    status: subscription.status,
    hasBeenLive: hasBeenLive || live,
    hasData: subscription.data !== undefined,
  });
  useEffect(() => onChange({ state, databaseDown, feed }), [onChange, state, databaseDown, feed]);
  return null;
}
