import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';

/**
 * The second factor's calls. A step that moves the login on reloads `auth.me`, whose stage decides
 * what the protected layout shows (`client/app/routes/protected-layout.tsx`).
 */
export function useMoveLoginOn() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
}

export function useVerifyMfa() {
  const trpc = useTRPC();
  const moveOn = useMoveLoginOn();
  return useMutation(trpc.auth.verifyMfa.mutationOptions({ onSuccess: moveOn }));
}

/** Starting again replaces the pending secret on the server. */
export function useBeginEnrollment() {
  const trpc = useTRPC();
  return useMutation(trpc.auth.beginEnrollment.mutationOptions());
}

/** Does not move the login on by itself: the recovery codes are shown first. */
export function useConfirmEnrollment() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.auth.confirmEnrollment.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.auth.mfaStatus.queryKey() }),
    }),
  );
}

export function useMfaStatus() {
  const trpc = useTRPC();
  return useQuery(trpc.auth.mfaStatus.queryOptions());
}

export function useRegenerateRecoveryCodes() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.auth.regenerateRecoveryCodes.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.auth.mfaStatus.queryKey() }),
    }),
  );
}

export function useDisableMfa() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.auth.disableMfa.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.auth.mfaStatus.queryKey() }),
    }),
  );
}
