import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { ScrollRegion } from '../../../components/scroll-region';
import { SimpleTable } from '../../../components/simple-table';
import { Spinner } from '../../../components/spinner';
import { formatDateTime } from '../../../lib/format';
import { useAuditCheckpoints } from '../api/report-queries';

/**
 * The signed checkpoints of the audit chain, newest first, with the files an inspector keeps outside
 * the server (every checkpoint, and the public key that verifies them): with them, a trail cut or
 * rewritten later is found even if the database's own copy of the checkpoints went with it.
 */
export function AuditCheckpoints() {
  const { t } = useTranslation();
  const checkpoints = useAuditCheckpoints();
  return (
    <section aria-labelledby="audit-checkpoints-title">
      <h3 id="audit-checkpoints-title">{t('kpis.checkpoints.title')}</h3>
      <p>{t('kpis.checkpoints.intro')}</p>
      {checkpoints.isPending ? (
        <Spinner />
      ) : checkpoints.isError ? (
        <ErrorState error={checkpoints.error} onRetry={() => void checkpoints.refetch()} />
      ) : (
        <>
          <p>
            {t('kpis.checkpoints.count', { count: checkpoints.data.total })}{' '}
            <a className="button button--small" href="/api/audit/checkpoints.jsonl" download>
              {t('kpis.checkpoints.download')}
            </a>{' '}
            <a className="button button--small" href="/api/audit/public-key.pem" download>
              {t('kpis.checkpoints.publicKey')}
            </a>
          </p>
          <p>
            {t('kpis.checkpoints.keyId')}: <code>{checkpoints.data.keyId}</code>
          </p>
          {checkpoints.data.items.length === 0 ? (
            <p className="empty">{t('kpis.checkpoints.empty')}</p>
          ) : (
            <ScrollRegion label={t('kpis.checkpoints.caption')}>
              <SimpleTable
                caption={t('kpis.checkpoints.caption')}
                className="data-table--compact"
                columns={[
                  { key: 'id', header: t('kpis.checkpoints.number'), cell: (c) => c.id, rowHeader: true },
                  {
                    key: 'at',
                    header: t('kpis.checkpoints.at'),
                    cell: (c) => formatDateTime(c.at),
                    cellClassName: 'nowrap',
                  },
                  { key: 'entries', header: t('kpis.checkpoints.entries'), cell: (c) => c.entryCount },
                  { key: 'head', header: t('kpis.checkpoints.head'), cell: (c) => c.headId },
                  {
                    key: 'hash',
                    header: t('kpis.checkpoints.hash'),
                    cell: (c) => <code title={c.headHash}>{c.headHash.slice(0, 16)}…</code>,
                  },
                ]}
                rows={checkpoints.data.items}
                rowKey={(c) => c.id}
              />
            </ScrollRegion>
          )}
        </>
      )}
    </section>
  );
}
