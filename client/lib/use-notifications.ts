import { useQuery } from '@tanstack/react-query';
import { useTRPC } from './trpc';

/**
 * The signed-in user's newest notifications and their unread count: one query for the header's count
 * (on every page, so it moves with the live stream's 'reminder.sent' and 'explanation.changed') and
 * the notification centre's list.
 */
export const notificationsQuery = (trpc: ReturnType<typeof useTRPC>) =>
  trpc.accountability.notifications.queryOptions();

export function useNotifications() {
  const trpc = useTRPC();
  return useQuery(notificationsQuery(trpc));
}
