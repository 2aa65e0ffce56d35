import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export type CellState = 'on_time' | 'late' | 'missing' | 'pending';

export const CELL_SYMBOLS: Record<CellState, string> = {
  on_time: '✓',
  late: '!',
  missing: '✗',
  pending: '…',
};

interface HeatmapCellProps {
  state: CellState;
  submissionId: number | null;
  agencyName: string;
  periodKey: string;
}

/** One agency's period: a symbol and a word as well as a colour (WCAG 1.4.1), a link when there is a report. */
export function HeatmapCell({ state, submissionId, agencyName, periodKey }: HeatmapCellProps) {
  const { t } = useTranslation();
  const word = t(`reports.compliance.cells.${state}`);
  const content = (
    <>
      <span aria-hidden="true">{CELL_SYMBOLS[state]}</span> {word}
    </>
  );
  return (
    <td className={`heatmap-cell heatmap-cell--${state}`}>
      {submissionId ? (
        <Link
          to={`/reports/submissions/${submissionId}`}
          aria-label={`${t('reports.compliance.cellLabel', { agency: agencyName, period: periodKey, state: word })}, ${t('reports.compliance.openSubmission')}`}
        >
          {content}
        </Link>
      ) : (
        content
      )}
    </td>
  );
}
