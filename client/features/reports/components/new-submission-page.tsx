import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import type { TemplateField } from '../../../../shared/report-values';
import { ErrorState } from '../../../components/error-state';
import { Spinner } from '../../../components/spinner';
import { formatDate } from '../../../lib/format';
import { usePageTitle } from '../../../lib/use-page-title';
import {
  useFetchSubmission,
  useNewSubmissionForm,
  useRefreshSubmissions,
  useSubmissionWrites,
} from '../api/report-queries';
import { inputsFromValues, ruleContextOf } from '../report-values-form';
import { ExcelFormTransfer } from './excel-form-transfer';
import { DueBadges, PeriodText, StateLabel } from './state-badges';
import { SubmissionForm } from './submission-form';
import '../reports.css';

/**
 * A period the agency has not started: the form of the template version collecting that period opens
 * at once. The first save creates the draft (later saves and the autosave update it); submitting
 * leads to the report's own page.
 */
export function NewSubmissionPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const params = useParams();
  const templateId = Number(params.templateId);
  const periodKey = params.periodKey ?? '';
  const valid = Number.isInteger(templateId) && templateId > 0 && /^\d{4}-/.test(periodKey);
  const form = useNewSubmissionForm(templateId, periodKey, valid);
  const { saveDraft, submit } = useSubmissionWrites();
  const refreshLists = useRefreshSubmissions();
  const fetchSubmission = useFetchSubmission();
  /** The draft this page created, once the first save went through. */
  const created = useRef<number | null>(null);
  const data = form.data;
  const name = data ? (i18n.language === 'en' ? data.template.nameEn : data.template.nameVi) : '';
  usePageTitle(data ? t('reports.newTitle', { template: name, period: periodKey }) : t('reports.myTitle'));

  if (!valid) return <p role="alert">{t('reports.newUnknown')}</p>;
  if (form.isPending) return <Spinner />;
  if (form.isError || !data) {
    return (
      <section className="page reports">
        <ErrorState error={form.error} onRetry={() => void form.refetch()} />
        <Link to="/reports">{t('reports.back')}</Link>
      </section>
    );
  }
  if (data.submissionId && created.current === null) {
    return <Navigate to={`/reports/submissions/${data.submissionId}`} replace />;
  }
  const fields = data.fields as TemplateField[];

  return (
    <section className="page reports">
      <p>
        <Link to="/reports">{t('reports.back')}</Link>
      </p>
      <h1>{t('reports.newTitle', { template: name, period: periodKey })}</h1>
      <dl className="report-facts">
        <dt>{t('reports.template')}</dt>
        <dd>
          <span className="tag">{data.template.code}</span> {name}
        </dd>
        <dt>{t('reports.period')}</dt>
        <dd>
          <PeriodText periodKey={data.period.key} start={data.period.start} end={data.period.end} />
        </dd>
        <dt>{t('reports.deadline')}</dt>
        <dd>
          {formatDate(data.deadline)} <DueBadges overdue={data.overdue} dueSoon={data.dueSoon} />
        </dd>
        <dt>{t('reports.state')}</dt>
        <dd>
          <StateLabel state={created.current ? 'draft' : 'missing'} />
        </dd>
      </dl>
      {data.canEdit ? (
        <>
          <p className="hint">
            {t('reports.newFormIntro')} {t('reports.newTemplateVersion', { version: data.template.version })}
          </p>
          <ExcelFormTransfer
            templateId={data.template.id}
            periodKey={data.period.key}
            onSaved={(saved) => {
              void refreshLists();
              void navigate(`/reports/submissions/${saved.id}`, { replace: true });
            }}
          />
          <SubmissionForm
            fields={fields}
            // What the system already holds is entered for the agency; it corrects it if it must (and says why).
            initialInputs={inputsFromValues(fields, data.systemValues, i18n.language)}
            rules={data.rules}
            context={ruleContextOf(data)}
            kpis={data.kpis}
            previous={data.previousPeriods[0] ?? null}
            version={0}
            save={async ({ values, explanations, version }) => {
              const result = await saveDraft.mutateAsync({
                templateId: data.template.id,
                periodKey: data.period.key,
                values,
                explanations,
                ...(created.current === null ? {} : { version }),
              });
              created.current = result.id;
              void refreshLists();
              return result;
            }}
            submit={async ({ version }) => {
              if (created.current === null) throw new Error('not saved');
              const result = await submit.mutateAsync({ id: created.current, version });
              await refreshLists();
              return result;
            }}
            onSubmitted={() => {
              if (created.current)
                void navigate(`/reports/submissions/${created.current}`, {
                  replace: true,
                  state: { outcome: 'submitted' },
                });
            }}
            reload={async () => {
              if (created.current === null) return null;
              const fresh = await fetchSubmission(created.current);
              return fresh.submission.version;
            }}
          />
        </>
      ) : (
        <p>{t('reports.newNotOfficer')}</p>
      )}
    </section>
  );
}
