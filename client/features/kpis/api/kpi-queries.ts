import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { AgencyBorders } from '../../../../shared/agencies';
import { useInvalidateFor } from '../../../lib/live/invalidations';
import { type RouterOutputs, useTRPC } from '../../../lib/trpc';
import type { KpiFilters } from '../kpi-view';

export type KpiOverview = RouterOutputs['kpis']['overview'];
export type KpiSummaryRow = KpiOverview['items'][number];
export type KpiIndicatorRow = KpiOverview['indicators'][number];
export type KpiDetailData = RouterOutputs['kpis']['detail'];
export type KpiRankingRow = KpiDetailData['ranking'][number];
export type KpiAgencySubmissions = RouterOutputs['kpis']['agencySubmissions'];
export type Scorecard = RouterOutputs['kpis']['scorecard'];
export type ScorecardItem = Scorecard['items'][number];

/**
 * KPI figures. Live changes ('kpi.changed', 'submission.changed') refresh these caches through the page's
 * stream (client/lib/live/invalidations.ts); the previous figures stay on screen while new ones load.
 */
export function useKpiOverview(filters: KpiFilters) {
  const trpc = useTRPC();
  return useQuery(trpc.kpis.overview.queryOptions(filters, { placeholderData: keepPreviousData }));
}

export function useKpiDetail(code: string, borders: AgencyBorders = 'current', enabled = true) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.kpis.detail.queryOptions({ code, borders }, { placeholderData: keepPreviousData }),
    enabled,
  });
}

export function useKpiAgencySubmissions(code: string, agencyId: number, enabled = true) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.kpis.agencySubmissions.queryOptions({ code, agencyId }), enabled });
}

export function useScorecard(agencyId: number | null) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.kpis.scorecard.queryOptions({ agencyId: agencyId ?? 0 }, { placeholderData: keepPreviousData }),
    enabled: agencyId !== null && agencyId > 0,
  });
}

/** The administrator sets a KPI's coverage floor; every KPI view refetches. */
export function useSetCoverageFloor() {
  const trpc = useTRPC();
  const invalidateFor = useInvalidateFor();
  return useMutation(
    trpc.kpis.setCoverageFloor.mutationOptions({
      onSuccess: (data) => invalidateFor({ type: 'kpi.changed', payload: { kpiCodes: [data.code] } }),
    }),
  );
}
