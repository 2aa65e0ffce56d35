import { type ConnectionState, useLive } from '../../../lib/live/live-provider';

export interface ConnectionStatus {
  state: ConnectionState;
  databaseDown: boolean;
}

/** What the indicator shows, from the page's one live stream (client/lib/live). */
export function useConnectionStatus(): ConnectionStatus {
  const { state, databaseDown } = useLive();
  return { state, databaseDown };
}
