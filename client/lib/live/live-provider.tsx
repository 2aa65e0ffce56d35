import { createContext, lazy, type ReactNode, Suspense, useContext, useState } from 'react';
import type { ChangeEvent } from '../../../shared/live-events';
import { retryImport } from '../retry-import';
import type { ConnectionState } from './connection-state';

export type { ConnectionState };

export interface LiveState {
  state: ConnectionState;
  databaseDown: boolean;
  /** The latest changes, newest first (the Office dashboard's activity feed). */
  feed: ChangeEvent[];
}

const CONNECTING: LiveState = { state: 'connecting', databaseDown: false, feed: [] };

const LiveContext = createContext<LiveState>(CONNECTING);

export function useLive(): LiveState {
  return useContext(LiveContext);
}

/**
 * The stream's code (the subscription, the map from a change to the caches it touches) loads beside the
 * page, not with the first page (docs/decisions/0017-first-page-javascript.md). Should it fail to load
 * for a minute, the indicator goes on saying "connecting" and the pages keep their own refreshes.
 */
const LiveStream = lazy(() =>
  retryImport(() => import('./live-stream')).then(
    (module) => ({ default: module.LiveStream }),
    () => ({ default: () => null }),
  ),
);

/** The signed-in app's live state: the stream's, once it runs; "connecting" until then. */
export function LiveProvider({ children }: { children: ReactNode }) {
  const [live, setLive] = useState(CONNECTING);
  return (
    <LiveContext.Provider value={live}>
      {children}
      <Suspense fallback={null}>
        <LiveStream onChange={setLive} />
      </Suspense>
    </LiveContext.Provider>
  );
}
