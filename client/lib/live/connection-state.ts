import type { TRPCSubscriptionStatus } from '@trpc/tanstack-react-query';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline';

/** What the indicator says, from the browser's network flag and the status stream's state. */
export function connectionState(input: {
  online: boolean;
  status: TRPCSubscriptionStatus;
  hasBeenLive: boolean;
  hasData: boolean;
}): ConnectionState {
  if (!input.online) return 'offline';
  if (input.status === 'pending' && input.hasData) return 'live';
  return input.hasBeenLive ? 'reconnecting' : 'connecting';
}

const RETRY_BASE_MS = 1000;
const RETRY_MAX_MS = 15_000;

/**
 * When a stream the browser will not retry by itself should be started again, in ms (null: leave it).
 * EventSource retries a refused connection on its own, but gives up on an HTTP error answer (a server
 * still starting, a proxy's 502) and the server ends a stream it let fall too far behind: the page
 * then resubscribes from the last event it saw, backing off 1 s, 2 s, 4 s … up to 15 s.
 */
export function resubscribeDelay(input: {
  status: TRPCSubscriptionStatus;
  hasBeenLive: boolean;
  attempt: number;
}): number | null {
  const stopped = input.status === 'error' || (input.status === 'idle' && input.hasBeenLive);
  if (!stopped) return null;
  return Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, input.attempt));
}
