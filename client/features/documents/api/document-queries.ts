import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useInvalidateFor } from '../../../lib/live/invalidations';
import { useTRPC } from '../../../lib/trpc';

export const DOCUMENTS_PAGE_SIZE = 25;

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

/** Registering a document adds tasks: the document list and every task list and figure change. */
export function useCreateDocument() {
  const trpc = useTRPC();
  const invalidateFor = useInvalidateFor();
  return useMutation(
    trpc.tasks.createDocument.mutationOptions({
      onSuccess: () => invalidateFor({ type: 'document.created' }),
    }),
  );
}
