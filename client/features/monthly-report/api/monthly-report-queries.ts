import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type RouterOutputs, useTRPC } from '../../../lib/trpc';

export type MonthlyReport = RouterOutputs['reports']['monthly'];
export type MonthlyFigures = MonthlyReport['totals'];
export type MonthlyAgencyRow = MonthlyReport['byAgency'][number];

export function useMonthlyReport(month: string) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.reports.monthly.queryOptions({ month }), placeholderData: keepPreviousData });
}
