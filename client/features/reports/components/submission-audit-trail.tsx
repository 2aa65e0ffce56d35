import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../shared/roles';
import { ErrorState } from '../../../components/error-state';
import { Spinner } from '../../../components/spinner';
import { formatVietnamDateTime } from '../../../lib/figures';
import { useTRPC } from '../../../lib/trpc';
import { ScrollRegion } from './scroll-region';

function isRole(value: string | null): value is Role {
  return value !== null && (ROLES as readonly string[]).includes(value);
}

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <>—</>;
  return <pre className="audit-json">{JSON.stringify(value, null, 1)}</pre>;
}

/**
 * For oversight roles: every audit entry of this submission with its before and after, and the result
 * of re-verifying the whole audit chain, so an inspector sees the trail is intact (or where it is not).
 */
export function SubmissionAuditTrail({ submissionId }: { submissionId: number }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const entries = useQuery(
    trpc.audit.forEntity.queryOptions({ entityType: 'submission', entityId: submissionId }),
  );
  const verify = useQuery(trpc.audit.verify.queryOptions(undefined, { staleTime: 60_000 }));
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
                time: formatVietnamDateTime(verify.data.verifiedAt),
              })}
            </p>
          ) : (
            <p className="audit-verify--broken">
              <span aria-hidden="true">✗</span>{' '}
              {t('kpis.verifyBroken', {
                id: verify.data.brokenAtId,
                reason: verify.data.reason ? t(`kpis.verifyReasons.${verify.data.reason}`) : '—',
                time: formatVietnamDateTime(verify.data.verifiedAt),
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
      </section>
      {entries.isPending ? (
        <Spinner />
      ) : entries.isError ? (
        <ErrorState error={entries.error} onRetry={() => void entries.refetch()} />
      ) : entries.data.length === 0 ? (
        <p className="empty">{t('kpis.auditEmpty')}</p>
      ) : (
        <ScrollRegion label={t('kpis.auditCaption')}>
          <table className="data-table data-table--compact">
            <caption>{t('kpis.auditCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.audit.at')}</th>
                <th scope="col">{t('reports.audit.user')}</th>
                <th scope="col">{t('kpis.auditRole')}</th>
                <th scope="col">{t('reports.audit.action')}</th>
                <th scope="col">{t('kpis.auditBefore')}</th>
                <th scope="col">{t('kpis.auditAfter')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.data.map((entry) => (
                <tr key={entry.id}>
                  <th scope="row" className="nowrap">
                    {formatVietnamDateTime(entry.at)}
                  </th>
                  <td>{entry.username ?? '—'}</td>
                  <td>{isRole(entry.role) ? t(`roles.${entry.role}`) : (entry.role ?? '—')}</td>
                  <td>{actionLabel(entry.action)}</td>
                  <td>
                    <Json value={entry.before} />
                  </td>
                  <td>
                    <Json value={entry.after} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
