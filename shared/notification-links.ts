/**
 * Where a notification leads, for the notification centre (client) and the mails (server) alike: its
 * task's page, or the compliance page opened on the report's cell.
 */

/** A notification about a periodic report (its params name the template and period, not a task). */
export function isReportNotification(params: Record<string, unknown>): boolean {
  return params.subject === 'report';
}

/** The path a notification leads to; null when it names neither a task nor a report. */
export function notificationHref(item: { taskId: number | null; params: Record<string, unknown> }) {
  if (item.taskId) return `/tasks/${item.taskId}`;
  const { templateId, agencyId, periodKey } = item.params;
  if (!isReportNotification(item.params) || !templateId || !agencyId || !periodKey) return null;
  const query = new URLSearchParams({
    templateId: String(templateId),
    agencyId: String(agencyId),
    periodKey: String(periodKey),
  });
  return `/reports/compliance?${query}`;
}
