import { useTranslation } from 'react-i18next';
import { AGENCY_LEVELS } from '../../../../shared/agencies';
import { ErrorState } from '../../../components/error-state';
import { SimpleTable, TotalRow } from '../../../components/simple-table';
import { Spinner } from '../../../components/spinner';
import { formatCount } from '../../../lib/format';
import { useAgencyCountsByLevel } from '../api/agency-queries';

/** How many agencies and units there are at each level of the tree. */
export function AgencyLevelCounts() {
  const { t, i18n } = useTranslation();
  const counts = useAgencyCountsByLevel();
  if (counts.isPending) return <Spinner />;
  if (counts.isError) return <ErrorState error={counts.error} onRetry={() => void counts.refetch()} />;
  const countOf = (level: string) => counts.data.find((row) => row.level === level)?.n ?? 0;
  const total = counts.data.reduce((sum, row) => sum + row.n, 0);
  return (
    <SimpleTable
      caption={t('overview.countsCaption')}
      className="data-table--compact"
      columns={[
        { key: 'level', header: t('overview.level'), cell: (level) => t(`levels.${level}`), rowHeader: true },
        {
          key: 'count',
          header: t('overview.count'),
          cell: (level) => formatCount(countOf(level), i18n.language),
          numeric: true,
        },
      ]}
      rows={AGENCY_LEVELS}
      rowKey={(level) => level}
      footer={<TotalRow label={t('overview.total')} figures={[formatCount(total, i18n.language)]} />}
    />
  );
}
