import { queryOptions, useQuery } from '@tanstack/react-query';

export interface EvidenceUsage {
  usedBytes: number;
  quotaBytes: number;
}

/**
 * The evidence the officer's agency has stored and its quota (`GET /api/evidence/usage`, an HTTP route
 * beside the upload: server/http/evidence.ts). Null for someone who may not upload.
 */
export const evidenceUsageQuery = queryOptions({
  queryKey: ['evidence', 'usage'] as const,
  queryFn: async (): Promise<EvidenceUsage | null> => {
    const res = await fetch('/api/evidence/usage', { credentials: 'same-origin' });
    if (res.status === 403) return null;
    if (!res.ok) throw new Error(`evidence usage: ${res.status}`);
    return (await res.json()) as EvidenceUsage;
  },
  staleTime: 60_000,
});

export function useEvidenceUsage() {
  return useQuery(evidenceUsageQuery);
}
