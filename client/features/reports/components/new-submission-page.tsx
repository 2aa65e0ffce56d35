import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorState } from '../../../components/error-state';
import { Spinner } from '../../../components/spinner';
import { errorMessage } from '../../../lib/error-message';
import { formatDate } from '../../../lib/figures';
import { useTRPC } from '../../../lib/trpc';
import { usePageTitle } from '../../../lib/use-page-title';
import { DueBadges, PeriodText, StateLabel } from './state-badges';
import '../reports.css';

/**
 * A period the agency has not started: the officer creates the (empty) draft, which opens the form.
 * The template's fields come with the submission, so the form itself lives on the submission's page.
 */
export function NewSubmissionPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const params = useParams();
  const templateId = Number(params.templateId);
  const periodKey = params.periodKey ?? '';
  const mine = useQuery(trpc.submissions.mine.queryOptions());
  const me = useQuery(trpc.auth.me.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const [failure, setFailure] = useState<string | null>(null);
  const create = useMutation(trpc.submissions.saveDraft.mutationOptions());
  const row = mine.data?.find((r) => r.templateId === templateId && r.periodKey === periodKey);
  const name = row ? (i18n.language === 'en' ? row.templateNameEn : row.templateNameVi) : '';
  usePageTitle(row ? t('reports.newTitle', { template: name, period: periodKey }) : t('reports.myTitle'));

  if (mine.isPending) return <Spinner />;
  if (mine.isError) return <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />;
  if (!row) {
    return (
      <section className="page reports">
        <p role="alert">{t('reports.newUnknown')}</p>
        <Link to="/reports">{t('reports.back')}</Link>
      </section>
    );
  }
  if (row.submissionId) {
    return (
      <section className="page reports">
        <Link to={`/reports/submissions/${row.submissionId}`}>
          {t('reports.openReport', { template: name, period: periodKey })}
        </Link>
      </section>
    );
  }

  const start = () => {
    setFailure(null);
    create.mutate(
      { templateId, periodKey, values: {} },
      {
        onSuccess: (result) => {
          void queryClient.invalidateQueries(trpc.submissions.mine.pathFilter());
          void navigate(`/reports/submissions/${result.id}`, { replace: true });
        },
        onError: (error) => setFailure(errorMessage(error, t)),
      },
    );
  };

  return (
    <section className="page reports">
      <p>
        <Link to="/reports">{t('reports.back')}</Link>
      </p>
      <h1>{t('reports.newTitle', { template: name, period: periodKey })}</h1>
      <dl className="report-facts">
        <dt>{t('reports.period')}</dt>
        <dd>
          <PeriodText periodKey={row.periodKey} start={row.periodStart} end={row.periodEnd} />
        </dd>
        <dt>{t('reports.deadline')}</dt>
        <dd>
          {formatDate(row.deadline)} <DueBadges overdue={row.overdue} dueSoon={row.dueSoon} />
        </dd>
        <dt>{t('reports.state')}</dt>
        <dd>
          <StateLabel state="missing" />
        </dd>
      </dl>
      {me.data?.role === 'officer' ? (
        <>
          <p>{t('reports.newIntro')}</p>
          <button
            type="button"
            className="button button--primary"
            disabled={create.isPending}
            onClick={start}
          >
            {create.isPending ? t('reports.starting') : t('reports.start')}
          </button>
          {failure && (
            <p className="form__alert" role="alert">
              {failure}
            </p>
          )}
        </>
      ) : (
        <p>{t('reports.newNotOfficer')}</p>
      )}
    </section>
  );
}
