import type { CellStage, CellState, SubmissionState } from './schemas/reports';

/**
 * Late or missing: a report the Office may ask an explanation for (one sent on time, or not yet due, is
 * not). Missing alone is what a reminder is about: a late report has been sent.
 */
export function isReportLateOrMissing(cell: { state: CellState }): boolean {
  return cell.state === 'late' || cell.state === 'missing';
}

/** The workflow stage a submission's state and first submission make of a compliance cell. */
export function cellStage(state: SubmissionState | null, everSubmitted: boolean): CellStage | null {
  switch (state) {
    case null:
      return null;
    case 'draft':
      // A draft that was once submitted came back: from the leader, or reopened after the Office returned it.
      return everSubmitted ? 'correcting' : 'drafting';
    case 'submitted':
      return 'awaiting_approval';
    case 'approved':
      return 'awaiting_acceptance';
    case 'returned':
      return 'returned';
    case 'accepted':
      return 'accepted';
  }
}

/**
 * What a cell says, first and second. A report on its way or sent back says where it is, its
 * timeliness second ('returned · on time'): only an accepted report, or none, reads as its
 * timeliness alone. A report being drafted for a period still open says so second.
 */
export function cellHeadline(cell: { state: CellState; stage: CellStage | null }): {
  main: CellState | CellStage;
  detail: CellState | CellStage | null;
} {
  const { state, stage } = cell;
  if (stage === null || stage === 'accepted') return { main: state, detail: null };
  if (stage === 'drafting') return { main: state, detail: stage };
  return { main: stage, detail: state };
}
