import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../shared/roles';
import { ScrollRegion } from '../../../components/scroll-region';
import { SimpleTable } from '../../../components/simple-table';
import { formatDateTime } from '../../../lib/format';
import type { Messages } from '../../../lib/i18n/vi';
import type { RouterOutputs } from '../../../lib/trpc';

type AuditEntry = RouterOutputs['tasks']['get']['audit'][number];
type AuditActionKey = keyof Messages['taskDetail']['auditActions'];

function isAuditActionKey(key: string): key is AuditActionKey {
  return AUDIT_KEYS.has(key);
}

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

const AUDIT_KEYS = new Set<string>([
  'task_create',
  'task_update',
  'task_progress',
  'task_contribution',
  'extension_request',
  'extension_approved',
  'extension_refused',
  'completion_report',
  'completion_awaiting_office',
  'completion_returned_by_leader',
  'completion_accepted',
  'completion_returned_by_office',
  'reminder_send',
  'explanation_request',
  'explanation_answer',
  'explanation_approve',
  'explanation_sendBack',
  'explanation_accept',
  'explanation_askAgain',
]);

/** Who did what to the task, in which role, when: the audit trail as the inspector reads it. */
export function TaskAudit({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation();
  const actionLabel = (action: string) => {
    const key = action.replace(/\./g, '_');
    return isAuditActionKey(key) ? t(`taskDetail.auditActions.${key}`) : action;
  };
  return (
    <section aria-labelledby="task-audit-title">
      <h2 id="task-audit-title">{t('taskDetail.audit')}</h2>
      {entries.length === 0 ? (
        <p className="empty">{t('taskDetail.auditEmpty')}</p>
      ) : (
        <ScrollRegion label={t('taskDetail.auditCaption')}>
          <SimpleTable
            caption={t('taskDetail.auditCaption')}
            className="audit-table"
            columns={[
              {
                key: 'when',
                header: t('taskDetail.auditWhen'),
                cell: (entry) => <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at)}</time>,
                rowHeader: true,
              },
              {
                key: 'who',
                header: t('taskDetail.auditWho'),
                cell: (entry) => entry.fullName ?? entry.username ?? '—',
              },
              {
                key: 'role',
                header: t('taskDetail.auditRole'),
                cell: (entry) =>
                  entry.role && isRole(entry.role) ? t(`roles.${entry.role}`) : (entry.role ?? '—'),
              },
              {
                key: 'action',
                header: t('taskDetail.auditAction'),
                cell: (entry) => actionLabel(entry.action),
              },
            ]}
            rows={entries}
            rowKey={(entry) => entry.id}
          />
        </ScrollRegion>
      )}
    </section>
  );
}
