import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAIL_STATUSES, type MailStatus } from '../../../../shared/mail';
import type { OutboxPage as Outbox } from '../../../../shared/schemas/mail';
import { ErrorState } from '../../../components/error-state';
import { Pagination } from '../../../components/pagination';
import { type SimpleColumn, SimpleTable } from '../../../components/simple-table';
import { Spinner } from '../../../components/spinner';
import { formatCount, formatDateTime } from '../../../lib/format';
import { usePageTitle } from '../../../lib/use-page-title';
import { useOutbox } from '../api/mail-queries';
import './mail.css';

type Mail = Outbox['items'][number];

/**
 * /admin/outbox (Hộp thư đi): every mail the system made, newest first, with its state; without SMTP the
 * mails are held here, and their text can be read in place.
 */
export function OutboxPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('mail.outboxTitle'));
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<MailStatus | ''>('');
  const query = useOutbox({ page, ...(status && { status }) });
  const columns: SimpleColumn<Mail>[] = [
    {
      key: 'createdAt',
      header: t('mail.columns.createdAt'),
      cell: (m) => formatDateTime(m.createdAt),
      cellClassName: 'nowrap',
    },
    {
      key: 'recipient',
      header: t('mail.columns.recipient'),
      cell: (m) => (
        <>
          {m.recipientName && <span>{m.recipientName}</span>}{' '}
          <span className="muted">&lt;{m.recipient}&gt;</span>
        </>
      ),
    },
    {
      key: 'subject',
      header: t('mail.columns.subject'),
      rowHeader: true,
      cell: (m) => (
        <>
          <span className="outbox__kind">{t(`mail.mailKinds.${m.kind}`)}</span> {m.subject ?? '—'}
          {m.text && (
            <details className="outbox__text">
              <summary>{t('mail.showText')}</summary>
              <pre>{m.text}</pre>
            </details>
          )}
        </>
      ),
    },
    {
      key: 'status',
      header: t('mail.columns.status'),
      cell: (m) => (
        <>
          {t(`mail.statuses.${m.status}`)}
          {m.attempts > 1 && <div className="muted">{t('mail.attempts', { count: m.attempts })}</div>}
          {m.lastError && <div className="muted">{t('mail.lastError', { error: m.lastError })}</div>}
        </>
      ),
    },
    {
      key: 'sentAt',
      header: t('mail.columns.sentAt'),
      cell: (m) => (m.sentAt ? formatDateTime(m.sentAt) : '—'),
      cellClassName: 'nowrap',
    },
  ];
  return (
    <section className="page outbox">
      <h1>{t('mail.outboxTitle')}</h1>
      <p className="muted">{t('mail.outboxIntro')}</p>
      <label className="outbox__filter">
        {t('mail.statusFilter')}{' '}
        <select
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as MailStatus | '');
            setPage(1);
          }}
        >
          <option value="">{t('mail.allStatuses')}</option>
          {MAIL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`mail.statuses.${s}`)}
            </option>
          ))}
        </select>
      </label>
      {query.isPending ? (
        <Spinner />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <p className="empty">{t('mail.empty')}</p>
      ) : (
        <>
          <SimpleTable
            caption={t('mail.total', {
              count: query.data.total,
              formattedCount: formatCount(query.data.total, i18n.language),
            })}
            columns={columns}
            rows={query.data.items}
            rowKey={(m) => m.id}
            busy={query.isFetching}
          />
          <Pagination
            page={query.data.page}
            pageSize={query.data.pageSize}
            total={query.data.total}
            onPageChange={setPage}
          />
        </>
      )}
    </section>
  );
}
