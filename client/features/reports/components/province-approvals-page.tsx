import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/error-state';
import { ScrollRegion } from '../../../components/scroll-region';
import { SimpleTable } from '../../../components/simple-table';
import { Spinner } from '../../../components/spinner';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { isTrpcClientError } from '../../../lib/trpc';
import { usePageTitle } from '../../../lib/use-page-title';
import { useProvinceApprovals, useRefreshSubmissions, useSubmissionWrites } from '../api/report-queries';
import { StateLabel } from './state-badges';
import '../reports.css';

type Approvals = NonNullable<ReturnType<typeof useProvinceApprovals>['data']>;
type Figure = Approvals['figures'][number];

/**
 * A province's page of its communes' reports (docs/decisions/0030-report-approval-levels.md): those
 * awaiting its decision, each opened to accept or return it, and per period the figure the system
 * computes from the accepted ones, with what it rests on, which its officer sends to the Office.
 */
export function ProvinceApprovalsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('reports.provinceChain.title'));
  const query = useProvinceApprovals();
  const en = i18n.language === 'en';
  const name = (row: {
    nameVi?: string;
    nameEn?: string;
    templateNameVi?: string;
    templateNameEn?: string;
  }) => (en ? (row.templateNameEn ?? row.nameEn) : (row.templateNameVi ?? row.nameVi)) ?? '';

  return (
    <section className="page reports">
      <h1>{t('reports.provinceChain.title')}</h1>
      <p className="hint">{t('reports.provinceChain.intro')}</p>
      {query.isPending ? (
        <Spinner />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          {!query.data.canDecide && <p className="notice">{t('reports.provinceChain.leaderNote')}</p>}
          <h2>{t('reports.provinceChain.pendingTitle')}</h2>
          {query.data.pending.length === 0 ? (
            <p className="empty" role="status">
              {t('reports.provinceChain.pendingEmpty')}
            </p>
          ) : (
            <ScrollRegion label={t('reports.provinceChain.pendingCaption')}>
              <SimpleTable
                caption={t('reports.provinceChain.pendingCaption')}
                columns={[
                  {
                    key: 'commune',
                    header: t('reports.provinceChain.commune'),
                    cell: (row) => (en ? row.agencyNameEn : row.agencyNameVi),
                    rowHeader: true,
                  },
                  {
                    key: 'report',
                    header: t('reports.provinceChain.report'),
                    cell: (row) => (
                      <>
                        <span className="tag">{row.templateCode}</span> {name(row)}
                      </>
                    ),
                  },
                  { key: 'period', header: t('reports.provinceChain.period'), cell: (row) => row.periodKey },
                  {
                    key: 'sent',
                    header: t('reports.provinceChain.sentAt'),
                    cell: (row) => (row.firstSubmittedAt ? formatDateTime(row.firstSubmittedAt) : '—'),
                    cellClassName: 'nowrap',
                  },
                  {
                    key: 'open',
                    header: <span className="visually-hidden">{t('reports.provinceChain.open')}</span>,
                    cell: (row) => (
                      <Link
                        to={`/reports/submissions/${row.id}`}
                        aria-label={t('reports.provinceChain.openLabel', {
                          commune: en ? row.agencyNameEn : row.agencyNameVi,
                          period: row.periodKey,
                        })}
                      >
                        {t('reports.provinceChain.open')}
                      </Link>
                    ),
                  },
                ]}
                rows={query.data.pending}
                rowKey={(row) => row.id}
              />
            </ScrollRegion>
          )}

          <h2>{t('reports.provinceChain.figuresTitle')}</h2>
          {query.data.figures.length === 0 ? (
            <p className="empty">{t('reports.provinceChain.empty')}</p>
          ) : (
            query.data.figures.map((figure) => (
              <ProvinceFigure
                key={`${figure.templateId}:${figure.periodKey}`}
                figure={figure}
                reportName={name(figure)}
                canDecide={query.data.canDecide}
                asOf={query.data.asOf}
              />
            ))
          )}
        </>
      )}
    </section>
  );
}

/** One period's computed figure: the sums, what they rest on, and the province's own report. */
function ProvinceFigure({
  figure,
  reportName,
  canDecide,
  asOf,
}: {
  figure: Figure;
  reportName: string;
  canDecide: boolean;
  asOf: Date;
}) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const { sendUp } = useSubmissionWrites();
  const refresh = useRefreshSubmissions();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const en = i18n.language === 'en';
  const numbers = figure.fields.filter((f) => f.type !== 'text');
  // Sent again only once it is back with the province (its leader or the Office returned it).
  const canSend =
    canDecide &&
    figure.accepted > 0 &&
    (figure.own === null || ['draft', 'returned'].includes(figure.own.state));

  const send = async () => {
    setMessage(null);
    try {
      const result = await sendUp.mutateAsync({ templateId: figure.templateId, periodKey: figure.periodKey });
      setMessage({ text: t('reports.provinceChain.sent', result), error: false });
      await refresh(result.id);
    } catch (error) {
      const reason = isTrpcClientError(error)
        ? (error.data as { details?: { reason?: string } } | null)?.details?.reason
        : undefined;
      setMessage({
        text:
          reason === 'noAcceptedReports'
            ? t('reports.provinceChain.noAcceptedReports')
            : reason === 'submissionLocked'
              ? t('reports.submissionLocked')
              : error instanceof Error
                ? error.message
                : String(error),
        error: true,
      });
    }
  };

  return (
    <section className="report-province-figure" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t('reports.provinceChain.figureHeading', { report: reportName, period: figure.periodKey })}
      </h3>
      <SimpleTable
        caption={t('reports.provinceChain.figureCaption', { period: figure.periodKey })}
        columns={[
          {
            key: 'field',
            header: t('reports.provinceChain.field'),
            cell: (f) => (en ? f.labelEn : f.labelVi),
            rowHeader: true,
          },
          {
            key: 'value',
            header: t('reports.provinceChain.value'),
            numeric: true,
            cell: (f) => {
              const v = figure.values[f.code];
              return typeof v === 'number'
                ? `${formatNumber(v, i18n.language)}${f.unit ? ` ${f.unit}` : ''}`
                : '—';
            },
          },
        ]}
        rows={numbers}
        rowKey={(f) => f.code}
      />
      <p>
        {t('reports.provinceChain.coverage', {
          accepted: figure.accepted,
          expected: figure.expected,
          sent: figure.sent,
          time: formatDateTime(asOf),
        })}
      </p>
      <p>
        {figure.communes.expected === 0
          ? t('reports.provinceChain.notDue')
          : t('reports.provinceChain.compliance', figure.communes)}
      </p>
      <p>
        {figure.own ? (
          <>
            {t('reports.provinceChain.ownState')} <StateLabel state={figure.own.state} />{' '}
            <Link to={`/reports/submissions/${figure.own.id}`}>{t('reports.provinceChain.ownOpen')}</Link>
          </>
        ) : (
          t('reports.provinceChain.ownNone')
        )}
      </p>
      {canSend && (
        <button type="button" className="button button--primary" disabled={sendUp.isPending} onClick={send}>
          {figure.own ? t('reports.provinceChain.sendAgain') : t('reports.provinceChain.sendUp')}
        </button>
      )}
      <p className={message?.error ? 'form__error' : 'notice'} role="status">
        {message?.text ?? ''}
      </p>
    </section>
  );
}
