import { queryOptions } from '@tanstack/react-query';
import type { PublicKpiDetail, PublicPortal } from '../../../../shared/schemas/open-data';

/**
 * The public portal's reads (ADR 0033): plain GETs of `/public-api/…`, no session and no tRPC client,
 * answered from the server's cache with an ETag (the browser revalidates with If-None-Match).
 */
async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { credentials: 'omit', headers: { accept: 'application/json' } });
  if (!res.ok) throw Object.assign(new Error(`HTTP ${res.status}`), { status: res.status });
  return (await res.json()) as T;
}

export const publicPortalQuery = () =>
  queryOptions({
    queryKey: ['public', 'portal'],
    queryFn: () => getJson<PublicPortal>('/public-api/portal'),
    staleTime: 60_000,
  });

export const publicKpiQuery = (code: string) =>
  queryOptions({
    queryKey: ['public', 'kpi', code],
    queryFn: () => getJson<PublicKpiDetail>(`/public-api/kpis/${encodeURIComponent(code)}`),
    staleTime: 60_000,
    retry: (count, error) => (error as { status?: number }).status !== 404 && count < 2,
  });
