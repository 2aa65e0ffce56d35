import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';

export const DOCUMENTS_PAGE_SIZE = 25;
export const AGENCY_PICKER_SIZE = 10;

export function useDocuments(q: string, page: number) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.documents.list.queryOptions({ q: q || undefined, page, pageSize: DOCUMENTS_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
}

export function useDocument(id: number) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.documents.get.queryOptions({ id }), enabled: id > 0 });
}

/** Agencies whose name matches what the user typed (diacritics optional), for the pickers. */
export function useAgencyMatches(q: string) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.agencies.list.queryOptions(
      { q, page: 1, pageSize: AGENCY_PICKER_SIZE },
      { staleTime: 5 * 60_000 },
    ),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
}

/** Registering a document adds tasks: the document list and every task list and figure change. */
export function useCreateDocument() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.tasks.createDocument.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries(trpc.documents.list.pathFilter()),
          queryClient.invalidateQueries(trpc.tasks.inbox.pathFilter()),
          queryClient.invalidateQueries(trpc.tasks.list.pathFilter()),
          queryClient.invalidateQueries(trpc.tasks.dashboard.pathFilter()),
          queryClient.invalidateQueries(trpc.tasks.counts.pathFilter()),
        ]),
    }),
  );
}
