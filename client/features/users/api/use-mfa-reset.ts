import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';

/** The administrator's reset of a person's second factor (they lost the phone and the codes). */
export function useResetMfa() {
  const trpc = useTRPC();
  return useMutation(trpc.users.resetMfa.mutationOptions());
}
