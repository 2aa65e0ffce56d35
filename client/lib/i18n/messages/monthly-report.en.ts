import type { monthlyReportVi } from './monthly-report.vi';

export const monthlyReportEn: typeof monthlyReportVi = {
  monthlyReport: {
    title: 'Monthly task monitoring report',
    heading: 'Task monitoring report for {{month, periodInSentence}}',
    month: 'Report month',
    show: 'Show report',
    period: 'Reporting period: {{start}} to {{cutoff}} (the cut-off date).',
    frozen: 'Figures frozen at the cut-off {{cutoff}} (stored at {{at}}); the report will not change.',
    history:
      'The period has ended: figures recomputed from the recorded history as they stood at the end of the cut-off day {{cutoff}}; the report is frozen automatically and will not change.',
    live: 'The period has not ended: live figures, as of {{time}}.',
    print: 'Print',
    exportExcel: 'Export Excel',
    totalsTitle: 'National totals',
    byAgencyCaption: 'Task performance by lead agency',
    agency: 'Lead agency',
    level: 'Level',
    assigned: 'Assigned (to date)',
    assignedInPeriod: 'Assigned in period',
    completedOnTime: 'Completed on time',
    completedLate: 'Completed late',
    completedInPeriod: 'Completed in period (on time / late)',
    inProgress: 'In progress within deadline',
    overdue: 'Overdue',
    overdueUnexplained: 'Overdue, unexplained',
    accountabilityInPeriod: 'Reminders / explanations in period',
    noDeadline: 'No deadline',
    withdrawn: 'Withdrawn',
    ofDue: 'Completion rate of due tasks',
    ofAssigned: 'Completion rate of all assigned',
    totalRow: 'Total',
    ratesNote:
      'Completion rate of due tasks = completed / (completed + overdue unfinished). Completion rate of all assigned = completed / assigned (withdrawn excluded). “—”: no figure (the denominator is zero, or a report frozen before reminders and explanations were recorded). “Overdue, unexplained”: overdue tasks with no explanation accepted by the Government Office by the cut-off.',
    empty: 'No tasks had been assigned by the cut-off.',
  },
};
