import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../../components/error-state';
import { Pagination } from '../../../components/pagination';
import { SearchBox } from '../../../components/search-box';
import { type SimpleColumn, SimpleTable } from '../../../components/simple-table';
import { Spinner } from '../../../components/spinner';
import { formatDateTime } from '../../../lib/format';
import type { RouterOutputs } from '../../../lib/trpc';
import { LOGIN_FAILURES_PAGE_SIZE, useLoginFailures } from '../api/use-users';

export type LoginFailureRow = RouterOutputs['users']['loginFailures']['items'][number];

/** The table of failed logins: time (Vietnam), username tried, address, reason in the reader's language. */
export function LoginFailuresTable({ rows, busy }: { rows: readonly LoginFailureRow[]; busy: boolean }) {
  const { t } = useTranslation();
  const columns: SimpleColumn<LoginFailureRow>[] = [
    {
      key: 'at',
      header: t('loginFailures.at'),
      cell: (row) => formatDateTime(row.at),
      cellClassName: 'nowrap',
    },
    {
      key: 'username',
      header: t('loginFailures.username'),
      rowHeader: true,
      cell: (row) =>
        row.knownUser ? (
          row.usernameTried
        ) : (
          <>
            {row.usernameTried} <span className="hint">({t('loginFailures.unknownUser')})</span>
          </>
        ),
    },
    { key: 'ip', header: t('loginFailures.ip'), cell: (row) => row.ip ?? '—' },
    {
      key: 'reason',
      header: t('loginFailures.reason'),
      cell: (row) => t(`loginFailures.reasons.${row.reason}`),
    },
  ];
  return (
    <SimpleTable
      caption={t('loginFailures.caption')}
      columns={columns}
      rows={rows}
      rowKey={(row) => row.id}
      busy={busy}
      testId="login-failures"
    />
  );
}

/** The administrator's record of failed logins, below the user list (its own search and pages). */
export function LoginFailuresSection() {
  const { t } = useTranslation();
  const headingId = useId();
  const [username, setUsername] = useState('');
  const [page, setPage] = useState(1);
  // The home page's count links here with `?failuresWithin=24` (hours): the same failures it counted.
  const [params, setParams] = useSearchParams();
  const within = Number(params.get('failuresWithin'));
  const withinHours = Number.isInteger(within) && within >= 1 && within <= 24 * 90 ? within : undefined;
  const failures = useLoginFailures({ username, withinHours, page });
  return (
    <section className="stack" aria-labelledby={headingId} id="login-failures">
      <h2 id={headingId}>{t('loginFailures.title')}</h2>
      <p className="hint">{t('loginFailures.intro')}</p>
      {withinHours && (
        <p>
          {t('loginFailures.within', { hours: withinHours })}{' '}
          <button
            type="button"
            className="button button--small"
            onClick={() =>
              setParams((current) => {
                const next = new URLSearchParams(current);
                next.delete('failuresWithin');
                return next;
              })
            }
          >
            {t('loginFailures.showAll')}
          </button>
        </p>
      )}
      <div className="filters">
        <SearchBox
          value={username}
          onSearch={(next) => {
            setUsername(next);
            setPage(1);
          }}
          label={t('loginFailures.search')}
          hint={t('loginFailures.searchHint')}
        />
      </div>
      {failures.isPending ? (
        <Spinner />
      ) : failures.isError ? (
        <ErrorState error={failures.error} onRetry={() => void failures.refetch()} />
      ) : failures.data.total === 0 ? (
        <p className="empty" role="status">
          {t('loginFailures.none')}
        </p>
      ) : (
        <>
          <LoginFailuresTable rows={failures.data.items} busy={failures.isPlaceholderData} />
          <Pagination
            page={page}
            pageSize={LOGIN_FAILURES_PAGE_SIZE}
            total={failures.data.total}
            onPageChange={setPage}
            label={t('loginFailures.caption')}
          />
        </>
      )}
    </section>
  );
}
