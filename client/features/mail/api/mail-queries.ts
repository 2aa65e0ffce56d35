import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OutboxInput } from '../../../../shared/schemas/mail';
import { useTRPC } from '../../../lib/trpc';

/** The signed-in user's mail address and delivery per kind. */
export function useMailSettings() {
  const trpc = useTRPC();
  return useQuery(trpc.mail.settings.queryOptions());
}

/** Saves them; the settings shown are the server's answer. */
export function useUpdateMailSettings() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.mail.updateSettings.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.mail.settings.queryKey(), data),
    }),
  );
}

/** One page of the administrator's outbox, newest first; the page shown stays while the next loads. */
export function useOutbox(input: OutboxInput) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.mail.outbox.queryOptions(input), placeholderData: keepPreviousData });
}

/** The user's next morning digest as it would be written now: asked for when they open the preview. */
export function useDigestPreview(enabled: boolean) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.mail.digestPreview.queryOptions(), enabled, staleTime: 0 });
}
