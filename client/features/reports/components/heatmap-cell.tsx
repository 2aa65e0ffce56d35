import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { cellHeadline } from '../../../../shared/compliance-cells';
import type { CellStage, CellState } from '../../../../shared/schemas/reports';

export type { CellStage, CellState };

export const CELL_SYMBOLS: Record<CellState | CellStage, string> = {
  on_time: '✓',
  late: '!',
  missing: '✗',
  pending: '…',
  early: '↑',
  drafting: '✎',
  correcting: '✎',
  awaiting_approval: '⧗',
  awaiting_acceptance: '⧗',
  returned: '↩',
  accepted: '✓',
};

interface HeatmapCellProps {
  state: CellState;
  stage: CellStage | null;
  submissionId: number | null;
  agencyName: string;
  periodKey: string;
  /** A late or missing report the user may act on or read about: opens its reminders and explanations. */
  onOpen?: (() => void) | undefined;
}

/**
 * One agency's period: a symbol and words as well as a colour (WCAG 1.4.1), a link when there is a
 * report. A report on its way or sent back says where it stands, its timeliness second.
 */
export function HeatmapCell({ state, stage, submissionId, agencyName, periodKey, onOpen }: HeatmapCellProps) {
  const { t } = useTranslation();
  const { main, detail } = cellHeadline({ state, stage });
  const word = t(`reports.compliance.cells.${main}`);
  const detailWord = detail ? t(`reports.compliance.cellDetails.${detail}`) : '';
  const spoken = detail ? `${word} (${detailWord})` : word;
  const content = (
    <>
      <span aria-hidden="true">{CELL_SYMBOLS[main]}</span> {word}
      {detail && <span className="heatmap-cell__detail">{detailWord}</span>}
    </>
  );
  return (
    <td className={`heatmap-cell heatmap-cell--${main}`}>
      {submissionId ? (
        <Link
          to={`/reports/submissions/${submissionId}`}
          aria-label={`${t('reports.compliance.cellLabel', { agency: agencyName, period: periodKey, state: spoken })}, ${t('reports.compliance.openSubmission')}`}
        >
          {content}
        </Link>
      ) : (
        content
      )}
      {onOpen && (
        <button
          type="button"
          className="heatmap-cell__open"
          onClick={onOpen}
          aria-label={t('reports.compliance.openAccountability', { agency: agencyName, period: periodKey })}
        >
          {t('reports.compliance.accountabilityShort')}
        </button>
      )}
    </td>
  );
}
