import { useTranslation } from 'react-i18next';
import { AGENCY_LEVELS } from '../../../../shared/agencies';
import { ErrorState } from '../../../components/error-state';
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
    <table className="data-table data-table--compact">
      <caption>{t('overview.countsCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('overview.level')}</th>
          <th scope="col" className="numeric">
            {t('overview.count')}
          </th>
        </tr>
      </thead>
      <tbody>
        {AGENCY_LEVELS.map((level) => (
          <tr key={level}>
            <th scope="row">{t(`levels.${level}`)}</th>
            <td className="numeric">{formatCount(countOf(level), i18n.language)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('overview.total')}</th>
          <td className="numeric">{formatCount(total, i18n.language)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
