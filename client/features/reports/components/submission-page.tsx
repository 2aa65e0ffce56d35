import type { ReactNode } from 'react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { mayOpen } from '../../../../shared/page-access';
import type { SubmissionValues, TemplateField } from '../../../../shared/report-values';
import { isOversight } from '../../../../shared/roles';
import { blockingIssues, evaluateRules } from '../../../../shared/validation-rules';
import { PageError } from '../../../components/error-state';
import { ScrollRegion } from '../../../components/scroll-region';
import { SimpleTable } from '../../../components/simple-table';
import { Spinner } from '../../../components/spinner';
import { formatDate, formatDateTime, formatNumber } from '../../../lib/format';
import { useCurrentUserQuery } from '../../../lib/use-current-user';
import { usePageTitle } from '../../../lib/use-page-title';
import { useRefreshSubmissions, useSubmission, useSubmissionWrites } from '../api/report-queries';
import { inputsFromValues, labelOf, ruleContextOf } from '../report-values-form';
import { DecisionForm } from './decision-form';
import { ExcelFormTransfer } from './excel-form-transfer';
import { StateLabel } from './state-badges';
import { SubmissionAuditTrail } from './submission-audit-trail';
import { SubmissionForm } from './submission-form';
import { SubmissionReview } from './submission-review';
import '../reports.css';
import { periodName } from '../../../../shared/period-names';

function formatValue(value: unknown, language: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'number') return formatNumber(value, language);
  return String(value);
}

/**
 * What the app shows with the report, before its audit trail (its reminders and explanation requests:
 * client/app/routes/submission-route.tsx).
 */
type SubmissionSections = (submission: {
  templateId: number;
  agencyId: number;
  agencyName: string;
  periodKey: string;
}) => ReactNode;

/** One agency's report for one period: its figures form or its decisions, its revisions and its audit trail. */
export function SubmissionPage({ sections }: { sections?: SubmissionSections } = {}) {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const query = useSubmission(valid ? id : 0);
  const { saveDraft, submit, approve, review, reopen, provinceReview } = useSubmissionWrites();
  const refreshSubmissions = useRefreshSubmissions();
  const me = useCurrentUserQuery();
  // Oversight reads the full audit entries (before/after) and the chain check; the server enforces the same.
  const oversight = me.data ? isOversight(me.data.role) : false;
  const data = query.data;
  const language = i18n.language;
  const templateName = data ? (language === 'en' ? data.template.nameEn : data.template.nameVi) : '';
  usePageTitle(
    data
      ? t('reports.detailTitle', { template: templateName, period: data.submission.periodKey })
      : t('reports.myTitle'),
  );

  const refresh = () => refreshSubmissions(id);
  // What the officer just did, and who acts next: said where the focus lands once the form is gone.
  const location = useLocation();
  const arrived = (location.state as { outcome?: unknown } | null)?.outcome === 'submitted';
  const [outcome, setOutcome] = useState<{ text: string; n: number } | null>(null);
  // Each draft saved from an Excel file remounts the form with its figures.
  const [uploads, setUploads] = useState(0);
  const outcomeRef = useRef<HTMLParagraphElement>(null);
  const loaded = query.data !== undefined;
  useEffect(() => {
    if (arrived) setOutcome({ text: t('reports.check.submittedNext'), n: 0 });
  }, [arrived, t]);
  useEffect(() => {
    if (outcome && loaded) outcomeRef.current?.focus();
  }, [outcome, loaded]);

  // Back to the reports this person works from: the agency's own, or the Office's compliance table.
  const back =
    me.data && mayOpen(me.data.role, '/reports')
      ? { to: '/reports', label: t('reports.back') }
      : { to: '/reports/compliance', label: t('pageError.backToCompliance') };
  const title = t('nav.periodicReports');
  if (!valid) return <PageError className="reports" title={title} code="NOT_FOUND" back={back} />;
  if (query.isPending) return <Spinner />;
  if (query.isError || !data)
    return (
      <PageError
        className="reports"
        title={title}
        error={query.error}
        onRetry={() => void query.refetch()}
        back={back}
      />
    );

  const { submission, revisions, audit } = data;
  const fields = data.fields as TemplateField[];
  const current = revisions.find((r) => r.revision === submission.currentRevision) ?? revisions.at(-1);
  const version = submission.version;
  const none = t('reports.revisions.none');
  const byAt = (name: string | null, at: Date | string | null) =>
    at ? t('reports.revisions.byAt', { name: name ?? '—', time: formatDateTime(at) }) : none;
  const currentValues = (current?.values ?? {}) as SubmissionValues;
  const explanations = current?.explanations ?? {};
  const context = ruleContextOf(data);
  // The very check the server makes before an approval or an acceptance.
  const issues = evaluateRules(fields, data.rules, currentValues, context);
  const acceptBlocked =
    blockingIssues(issues, explanations).length > 0 ? t('reports.review.blocked') : undefined;

  return (
    <section className="page reports">
      <p>
        <Link to="/reports">{t('reports.back')}</Link>
      </p>
      <h1>{t('reports.detailTitle', { template: templateName, period: submission.periodKey })}</h1>
      <dl className="report-facts" aria-label={t('reports.facts')}>
        <dt>{t('reports.agency')}</dt>
        <dd>{language === 'en' ? submission.agencyNameEn : submission.agencyNameVi}</dd>
        <dt>{t('reports.template')}</dt>
        <dd>
          <span className="tag">{data.template.code}</span> {templateName}
        </dd>
        <dt>{t('reports.period')}</dt>
        <dd>{periodName(submission.periodKey, i18n.language)}</dd>
        <dt>{t('reports.deadline')}</dt>
        <dd>{formatDate(submission.deadline)}</dd>
        <dt>{t('reports.state')}</dt>
        <dd>
          <StateLabel state={submission.state} />
        </dd>
        <dt>{t('reports.revisionNo')}</dt>
        <dd>{submission.currentRevision}</dd>
      </dl>
      <p
        ref={outcomeRef}
        className={outcome ? 'notice report-outcome' : 'report-outcome'}
        role="status"
        tabIndex={-1}
      >
        {outcome?.text ?? ''}
      </p>
      {current?.coverage && (
        <p className="notice" role="note">
          {t('reports.provinceChain.computedNote', {
            accepted: current.coverage.accepted,
            expected: current.coverage.expected,
            time: formatDateTime(current.coverage.asOf),
          })}
        </p>
      )}

      {data.canEdit ? (
        <>
          <ExcelFormTransfer
            templateId={submission.templateId}
            periodKey={submission.periodKey}
            version={version}
            onSaved={() => {
              void Promise.resolve(refresh()).then(() => setUploads((n) => n + 1));
              setOutcome({ text: t('reports.excelForm.saved'), n: uploads + 1 });
            }}
          />
          <SubmissionForm
            key={`${submission.id}-${uploads}`}
            fields={fields}
            initialInputs={inputsFromValues(
              fields,
              current?.values as SubmissionValues | undefined,
              i18n.language,
            )}
            rules={data.rules}
            context={context}
            kpis={data.kpis}
            previous={data.previousPeriods[0] ?? null}
            initialExplanations={explanations}
            version={version}
            save={async ({ values, explanations: written, version: v }) => {
              const result = await saveDraft.mutateAsync({
                templateId: submission.templateId,
                periodKey: submission.periodKey,
                values,
                explanations: written,
                version: v,
              });
              void refresh();
              return result;
            }}
            submit={async ({ version: v }) => {
              const result = await submit.mutateAsync({ id: submission.id, version: v });
              await refresh();
              return result;
            }}
            reload={async () => {
              const fresh = await query.refetch();
              return fresh.data?.submission.version ?? null;
            }}
            onSubmitted={() =>
              setOutcome((o) => ({ text: t('reports.check.submittedNext'), n: (o?.n ?? 0) + 1 }))
            }
          />
        </>
      ) : (
        <>
          <p className="notice" role="note">
            {data.awaitingApproval ? t('reports.awaitingApproval') : t('reports.readOnly')}
          </p>
          <SubmissionReview
            fields={fields}
            values={currentValues}
            explanations={explanations}
            issues={issues}
            systemValues={data.systemValues}
            previousPeriods={data.previousPeriods}
          />
        </>
      )}

      {data.canApprove && (
        <DecisionForm
          mode="leader"
          acceptBlocked={acceptBlocked}
          decide={async ({ decision, text }) => {
            await approve.mutateAsync({ id: submission.id, version, decision, comment: text });
            await refresh();
          }}
        />
      )}
      {data.canReview && (
        <DecisionForm
          mode="office"
          acceptBlocked={acceptBlocked}
          decide={async ({ decision, text }) => {
            await review.mutateAsync({ id: submission.id, version, decision, comment: text });
            await refresh();
          }}
        />
      )}
      {data.canProvinceReview && (
        <DecisionForm
          mode="province"
          acceptBlocked={acceptBlocked}
          decide={async ({ decision, text }) => {
            await provinceReview.mutateAsync({ id: submission.id, version, decision, comment: text });
            await refresh();
          }}
        />
      )}
      {data.canReopen && (
        <DecisionForm
          mode="reopen"
          decide={async ({ text }) => {
            await reopen.mutateAsync({ id: submission.id, version, reason: text });
            await refresh();
          }}
        />
      )}

      <section className="report-revisions" aria-labelledby="report-revisions-title">
        <h2 id="report-revisions-title">{t('reports.revisions.title')}</h2>
        <p className="report-history-exports">
          {(['csv', 'xlsx'] as const).map((format) => (
            <a
              key={format}
              className="button button--small"
              href={`/export/submissions/${submission.id}/history.${format}?lang=${language === 'en' ? 'en' : 'vi'}`}
              download
            >
              {t(format === 'csv' ? 'reports.revisions.exportCsv' : 'reports.revisions.exportXlsx')}
            </a>
          ))}
        </p>
        {[...revisions].reverse().map((r) => {
          const values = (r.values ?? {}) as SubmissionValues;
          return (
            <article key={r.revision} className="report-revision" aria-labelledby={`revision-${r.revision}`}>
              <h3 id={`revision-${r.revision}`}>
                {t('reports.revisions.heading', { n: r.revision })}
                {r.revision === submission.currentRevision && ` ${t('reports.revisions.current')}`}
              </h3>
              <dl className="report-facts">
                <dt>{t('reports.revisions.author')}</dt>
                <dd>{r.authorName ?? none}</dd>
                <dt>{t('reports.revisions.saved')}</dt>
                <dd>{byAt(r.authorName, r.savedAt)}</dd>
                <dt>{t('reports.revisions.submitted')}</dt>
                <dd>{byAt(r.authorName, r.submittedAt)}</dd>
                <dt>{t('reports.revisions.approved')}</dt>
                <dd>{byAt(r.approverName, r.approvedAt)}</dd>
                <dt>{t('reports.revisions.reviewed')}</dt>
                <dd>{byAt(r.reviewerName, r.reviewedAt)}</dd>
                <dt>{t('reports.revisions.outcome')}</dt>
                <dd>
                  {r.reviewOutcome
                    ? t(
                        `reports.revisions.outcomes.${r.reviewOutcome as 'accepted' | 'returned' | 'returned_by_leader'}`,
                      )
                    : none}
                </dd>
                <dt>{t('reports.revisions.comment')}</dt>
                <dd>{r.reviewComment || none}</dd>
              </dl>
              <ScrollRegion label={t('reports.revisions.values', { n: r.revision })}>
                <table className="data-table">
                  <caption>{t('reports.revisions.values', { n: r.revision })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('reports.revisions.field')}</th>
                      <th scope="col">{t('reports.revisions.value')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {fields.map((field) => (
                      <tr key={field.code}>
                        <th scope="row">{labelOf(field, language)}</th>
                        <td className={field.type === 'text' ? undefined : 'numeric'}>
                          {formatValue(values[field.code], language)}
                          {field.unit && values[field.code] != null ? ` ${field.unit}` : ''}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            </article>
          );
        })}
      </section>

      {/* A commune's report under the province chain is its province's to follow, not the Office's. */}
      {!data.decidedByProvince &&
        sections?.({
          templateId: submission.templateId,
          agencyId: submission.agencyId,
          agencyName: language === 'en' ? submission.agencyNameEn : submission.agencyNameVi,
          periodKey: submission.periodKey,
        })}

      {oversight ? (
        <SubmissionAuditTrail
          submissionId={submission.id}
          fieldLabels={new Map(fields.map((f) => [f.code, labelOf(f, language)]))}
        />
      ) : (
        <section aria-labelledby="report-audit-title">
          <h2 id="report-audit-title">{t('reports.audit.title')}</h2>
          {audit.length === 0 ? (
            <p className="empty">{t('reports.audit.empty')}</p>
          ) : (
            <ScrollRegion label={t('reports.audit.caption')}>
              <SimpleTable
                caption={t('reports.audit.caption')}
                className="audit-table"
                columns={[
                  {
                    key: 'at',
                    header: t('reports.audit.at'),
                    cell: (entry) => formatDateTime(entry.at),
                    cellClassName: 'nowrap',
                  },
                  {
                    key: 'user',
                    header: t('reports.audit.user'),
                    cell: (entry) => (
                      <>
                        {entry.fullName ?? entry.username} ({t(`roles.${entry.role as 'officer'}`)})
                      </>
                    ),
                  },
                  {
                    key: 'action',
                    header: t('reports.audit.action'),
                    cell: (entry) =>
                      t(`reports.audit.actions.${entry.action}`, { defaultValue: entry.action }),
                  },
                ]}
                rows={audit}
                rowKey={(entry) => entry.id}
              />
            </ScrollRegion>
          )}
        </section>
      )}
    </section>
  );
}
