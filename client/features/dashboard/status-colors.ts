import type { TaskStatus } from '../../../shared/task-status';

/**
 * Chart colours per status (overdue red, completed green, as Vietnamese task software shows them). Colour is
 * never alone: overdue and completed-late bars also carry a pattern, the legend names each series and every
 * chart has its data table.
 */
export const STATUS_COLORS: Record<TaskStatus, string> = {
  completed_on_time: '#146c2e',
  completed_late: '#6b8e23',
  in_progress: '#0b57d0',
  overdue: '#a3151b',
  no_deadline: '#6d737b',
  withdrawn: '#b8bec6',
};

export const STATUS_PATTERNS: Partial<Record<TaskStatus, 'stripes' | 'dots'>> = {
  overdue: 'stripes',
  completed_late: 'dots',
};
