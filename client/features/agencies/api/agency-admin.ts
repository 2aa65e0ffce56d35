import { useMutation } from '@tanstack/react-query';
import { useInvalidateFor } from '../../../lib/live/invalidations';
import { useTRPC } from '../../../lib/trpc';
import { useCurrentUserQuery } from '../../../lib/use-current-user';

/** Whether the signed-in user administers the directory (the same `auth.me` cache the shell reads). */
export function useIsAdmin(): boolean {
  const me = useCurrentUserQuery();
  return me.data?.role === 'admin';
}

/** A new or renamed unit changes every list of units and the counts per level. */
function useRefreshDirectory() {
  const invalidateFor = useInvalidateFor();
  return () => invalidateFor({ type: 'agency.changed' });
}

export function useCreateAgency() {
  const trpc = useTRPC();
  const refresh = useRefreshDirectory();
  return useMutation(trpc.agencies.create.mutationOptions({ onSuccess: refresh }));
}

export function useRenameAgency() {
  const trpc = useTRPC();
  const refresh = useRefreshDirectory();
  return useMutation(trpc.agencies.rename.mutationOptions({ onSuccess: refresh }));
}

/** A unit list's preview: nothing is written, so nothing to refresh. */
export function useImportPreview() {
  const trpc = useTRPC();
  return useMutation(trpc.agencies.importPreview.mutationOptions());
}

export function useImportApply() {
  const trpc = useTRPC();
  const refresh = useRefreshDirectory();
  return useMutation(trpc.agencies.importApply.mutationOptions({ onSuccess: refresh }));
}
