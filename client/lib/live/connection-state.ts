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
