import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../shared/roles';
import { ErrorState } from '../../../components/error-state';
import { ScrollRegion } from '../../../components/scroll-region';
import { SimpleTable } from '../../../components/simple-table';
import { Spinner } from '../../../components/spinner';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { useSubmissionAudit } from '../api/report-queries';
import { auditChanges, isInstant } from '../audit-changes';
import { AuditCheckpoints } from './audit-checkpoints';

function isRole(value: string | null): value is Role {
  return value !== null && (ROLES as readonly string[]).includes(value);
}

/** One audit entry's changes as lines a person reads ("Trạng thái: Bản nháp → Đã gửi"), never raw JSON. */
function Changes({
  before,
  after,
  fieldLabels,
}: {
  before: unknown;
  after: unknown;
  fieldLabels?: ReadonlyMap<string, string> | undefined;
}) {
  const { t, i18n } = useTranslation();
  const changes = auditChanges(before, after);
  const label = (path: string) => {
    const [head, code] = path.split('.');
    if (head === 'values' && code) return fieldLabels?.get(code) ?? t('reports.audit.fields.value', { code });
    if (head === 'explanations' && code) {
      return t('reports.audit.fields.explanation', { code: fieldLabels?.get(code) ?? code });
    }
    return t(`reports.audit.fields.${head as 'state'}`, { defaultValue: path });
  };
  const show = (path: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (path === 'state' && typeof value === 'string')
      return t(`reports.states.${value as 'draft'}`, { defaultValue: value });
    if (isInstant(value)) return formatDateTime(value);
    if (typeof value === 'number') return formatNumber(value, i18n.language);
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    if (Array.isArray(value)) return value.map((v) => show(path, v)).join(', ');
    if (typeof value === 'object') {
      return Object.entries(value)
        .map(([key, v]) => `${label(`${path}.${key}`)}: ${show(`${path}.${key}`, v)}`)
        .join('; ');
    }
    return String(value);
  };
  if (changes.length === 0) return <p className="audit-changes__none">{t('kpis.auditNothingChanged')}</p>;
  return (
    <ul className="audit-changes">
      {changes.map((c) => (
        <li key={c.path}>
          <span className="audit-changes__field">{label(c.path)}</span>:{' '}
          {c.before !== undefined && (
            <>
              <del>{show(c.path, c.before)}</del> →{' '}
            </>
          )}
          <ins>{show(c.path, c.after)}</ins>
        </li>
      ))}
    </ul>
  );
}

/**
 * For oversight roles: every audit entry of this submission with its before and after, and the result
 * of re-verifying the whole audit chain, so an inspector sees the trail is intact (or where it is not).
 */
export function SubmissionAuditTrail({
  submissionId,
  fieldLabels,
}: {
  submissionId: number;
  /** The template's field labels by code, so a changed figure reads by its name. */
  fieldLabels?: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  const { entries, verify } = useSubmissionAudit(submissionId);
  const actionLabel = (action: string) =>
    t(`reports.audit.actions.${action as 'submission.draft'}`, { defaultValue: action });

  return (
    <section aria-labelledby="submission-audit-trail-title">
      <h2 id="submission-audit-trail-title">{t('kpis.auditTitle')}</h2>
      <section aria-labelledby="audit-verify-title">
        <h3 id="audit-verify-title">{t('kpis.verifyTitle')}</h3>
        <div role="status">
          {verify.isPending ? (
            <p>{t('kpis.verifying')}</p>
          ) : verify.isError ? (
            <ErrorState error={verify.error} onRetry={() => void verify.refetch()} />
          ) : verify.data.ok ? (
            <p className="audit-verify--ok">
              <span aria-hidden="true">✓</span>{' '}
              {t('kpis.verifyOk', {
                count: verify.data.checked,
                time: formatDateTime(verify.data.verifiedAt),
              })}{' '}
              {t('kpis.verifyCheckpoints', { count: verify.data.checkpoints })}{' '}
              {verify.data.externalCheckpoints === null
                ? t('kpis.verifyNoExternal')
                : t('kpis.verifyExternal', { count: verify.data.externalCheckpoints })}
            </p>
          ) : (
            <p className="audit-verify--broken">
              <span aria-hidden="true">✗</span>{' '}
              {t(verify.data.brokenAtId === null ? 'kpis.verifyBrokenCheckpoint' : 'kpis.verifyBroken', {
                id: verify.data.brokenAtId,
                checkpoint: verify.data.checkpointId ?? '—',
                reason: verify.data.reason ? t(`kpis.verifyReasons.${verify.data.reason}`) : '—',
                time: formatDateTime(verify.data.verifiedAt),
              })}
            </p>
          )}
        </div>
        <button
          type="button"
          className="button button--small"
          disabled={verify.isFetching}
          onClick={() => void verify.refetch()}
        >
          {t('kpis.verifyAgain')}
        </button>
        <AuditCheckpoints />
      </section>
      {entries.isPending ? (
        <Spinner />
      ) : entries.isError ? (
        <ErrorState error={entries.error} onRetry={() => void entries.refetch()} />
      ) : entries.data.length === 0 ? (
        <p className="empty">{t('kpis.auditEmpty')}</p>
      ) : (
        <ScrollRegion label={t('kpis.auditCaption')}>
          <SimpleTable
            caption={t('kpis.auditCaption')}
            className="audit-table"
            columns={[
              {
                key: 'at',
                header: t('reports.audit.at'),
                cell: (entry) => formatDateTime(entry.at),
                rowHeader: true,
                cellClassName: 'nowrap',
              },
              {
                key: 'user',
                header: t('reports.audit.user'),
                cell: (entry) => entry.fullName ?? entry.username ?? '—',
              },
              {
                key: 'role',
                header: t('kpis.auditRole'),
                cell: (entry) => (isRole(entry.role) ? t(`roles.${entry.role}`) : (entry.role ?? '—')),
              },
              {
                key: 'action',
                header: t('reports.audit.action'),
                cell: (entry) => actionLabel(entry.action),
              },
              {
                key: 'changes',
                header: t('kpis.auditChanges'),
                cell: (entry) => (
                  <Changes before={entry.before} after={entry.after} fieldLabels={fieldLabels} />
                ),
              },
            ]}
            rows={entries.data}
            rowKey={(entry) => entry.id}
          />
        </ScrollRegion>
      )}
    </section>
  );
}
