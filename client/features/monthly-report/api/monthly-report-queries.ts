import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  type MonthlyAgencyRow,
  type MonthlyReport,
  monthlyReportFromColumns,
} from '../../../../shared/schemas/reports';
import { useTRPC } from '../../../lib/trpc';

export type { MonthlyAgencyRow, MonthlyReport };
export type MonthlyFigures = MonthlyReport['totals'];

/** The report with its agencies back as rows (the API sends them as columns: a quarter of the JSON). */
export function useMonthlyReport(month: string) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.reports.monthly.queryOptions({ month }),
    placeholderData: keepPreviousData,
    select: monthlyReportFromColumns,
  });
}
