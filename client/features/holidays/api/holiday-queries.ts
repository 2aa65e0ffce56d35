import { useMutation, useQuery } from '@tanstack/react-query';
import { useInvalidateFor } from '../../../lib/live/invalidations';
import { useTRPC } from '../../../lib/trpc';

/** The calendar entries of one year. */
export function useHolidays(year: number) {
  const trpc = useTRPC();
  return useQuery(trpc.holidays.list.queryOptions({ from: `${year}-01-01`, to: `${year}-12-31` }));
}

/** A changed calendar moves report deadlines: every cache that counts working days is refreshed. */
export function useAddHoliday() {
  const trpc = useTRPC();
  const invalidateFor = useInvalidateFor();
  return useMutation(
    trpc.holidays.add.mutationOptions({ onSuccess: () => invalidateFor({ type: 'holiday.changed' }) }),
  );
}

export function useUpdateHoliday() {
  const trpc = useTRPC();
  const invalidateFor = useInvalidateFor();
  return useMutation(
    trpc.holidays.update.mutationOptions({ onSuccess: () => invalidateFor({ type: 'holiday.changed' }) }),
  );
}

export function useRemoveHoliday() {
  const trpc = useTRPC();
  const invalidateFor = useInvalidateFor();
  return useMutation(
    trpc.holidays.remove.mutationOptions({ onSuccess: () => invalidateFor({ type: 'holiday.changed' }) }),
  );
}
