import { useMutation, useQuery } from '@tanstack/react-query';
import { useInvalidateFor } from '../../../lib/live/invalidations';
import { useTRPC } from '../../../lib/trpc';

export function useTemplates() {
  const trpc = useTRPC();
  return useQuery(trpc.templates.list.queryOptions());
}

export function useTemplate(id: number) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.templates.get.queryOptions({ id }), enabled: id > 0 });
}

/** The indicators a template's figures may feed. */
export function useKpiOptions() {
  const trpc = useTRPC();
  return useQuery(trpc.templates.kpiOptions.queryOptions());
}

/** Each write changes the regime lists and what agencies must report: those caches are refreshed. */
function useRefreshTemplates() {
  const invalidateFor = useInvalidateFor();
  return () => invalidateFor({ type: 'template.changed' });
}

export function useCreateTemplate() {
  const trpc = useTRPC();
  const refresh = useRefreshTemplates();
  return useMutation(trpc.templates.create.mutationOptions({ onSuccess: refresh }));
}

export function useUpdateTemplate() {
  const trpc = useTRPC();
  const refresh = useRefreshTemplates();
  return useMutation(trpc.templates.update.mutationOptions({ onSuccess: refresh }));
}

export function useSetTemplateActive() {
  const trpc = useTRPC();
  const refresh = useRefreshTemplates();
  return useMutation(trpc.templates.setActive.mutationOptions({ onSuccess: refresh }));
}
