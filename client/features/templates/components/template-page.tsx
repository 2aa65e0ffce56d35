import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { shiftDate } from '../../../../shared/calendar-date';
import { parsePeriodKey, periodContaining } from '../../../../shared/reporting-periods';
import type { CreateTemplateInput } from '../../../../shared/schemas/templates';
import { PageError } from '../../../components/error-state';
import { ScrollRegion } from '../../../components/scroll-region';
import { SimpleTable } from '../../../components/simple-table';
import { Spinner } from '../../../components/spinner';
import { errorMessage } from '../../../lib/error-message';
import { formatCount, formatDateTime } from '../../../lib/format';
import { useCurrentUserQuery } from '../../../lib/use-current-user';
import { usePageTitle } from '../../../lib/use-page-title';
import { useKpiOptions, useSetTemplateActive, useTemplate, useUpdateTemplate } from '../api/template-queries';
import { draftFromTemplate } from '../template-draft';
import { TemplateEditor } from './template-editor';
import '../templates.css';
import { periodName } from '../../../../shared/period-names';

/** The period right after a period key (where a new version may start). */
function periodAfterKey(key: string): string {
  const period = parsePeriodKey(key);
  return periodContaining(period.type, shiftDate(period.end, 1))?.key ?? key;
}

/** One version of a regime: its definition (editable by the administrator) and the code's history. */
export function TemplatePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const en = i18n.language === 'en';
  const language = i18n.language;
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const query = useTemplate(valid ? id : 0);
  const kpis = useKpiOptions();
  const me = useCurrentUserQuery();
  const update = useUpdateTemplate();
  const setActive = useSetTemplateActive();
  const [activeFailure, setActiveFailure] = useState('');
  const data = query.data;
  usePageTitle(
    data
      ? `${data.template.code} · ${t('templateAdmin.versionN', { n: data.template.version })}`
      : t('templateAdmin.title'),
  );
  const savedVersion = (location.state as { savedVersion?: number } | null)?.savedVersion;

  const back = { to: '/admin/templates', label: t('templateAdmin.back') };
  const title = t('templateAdmin.title');
  if (!valid) return <PageError title={title} code="NOT_FOUND" back={back} />;
  if (query.isPending || kpis.isPending) return <Spinner />;
  if (query.isError || !data)
    return <PageError title={title} error={query.error} onRetry={() => void query.refetch()} back={back} />;
  if (kpis.isError)
    return <PageError title={title} error={kpis.error} onRetry={() => void kpis.refetch()} back={back} />;

  const { template, fields, usage, history } = data;
  const admin = me.data?.role === 'admin';
  const initial = draftFromTemplate(template, fields, data.obligedAgencies, language);
  if (data.inUse && usage.lastUsedPeriod) initial.firstPeriod = periodAfterKey(usage.lastUsedPeriod);
  const rule = template.deadlineRule;

  const send = async (input: CreateTemplateInput) => {
    const { code: _code, ...body } = input;
    const result = await update.mutateAsync({ ...body, id: template.id, editVersion: template.editVersion });
    if (result.id !== template.id) {
      void navigate(`/admin/templates/${result.id}`, { state: { savedVersion: result.version } });
    }
    return result;
  };

  return (
    <section className="page">
      <p>
        <Link to="/admin/templates">{t('templateAdmin.back')}</Link>
      </p>
      <h1>
        <span className="tag">{template.code}</span> {en ? template.nameEn : template.nameVi}
      </h1>
      {savedVersion && (
        <p className="form__success" role="status">
          {t('templateAdmin.savedVersion', { version: savedVersion })}
        </p>
      )}
      <dl className="template-facts">
        <dt>{t('templateAdmin.version')}</dt>
        <dd>{template.version}</dd>
        <dt>{t('templateAdmin.periodType')}</dt>
        <dd>{t(`templateAdmin.periodTypes.${template.periodType}`)}</dd>
        <dt>{t('templateAdmin.firstPeriod')}</dt>
        <dd>{periodName(template.firstPeriod, i18n.language)}</dd>
        <dt>{t('templateAdmin.lastPeriod')}</dt>
        <dd>
          {template.lastPeriod ? periodName(template.lastPeriod, i18n.language) : t('templateAdmin.ongoing')}
        </dd>
        <dt>{t('templateAdmin.deadline.legend')}</dt>
        <dd>
          {rule.kind === 'working_days_after_cutoff'
            ? t('templateAdmin.deadline.summaryWorking', { days: rule.days })
            : t('templateAdmin.deadline.summaryFixed', { day: rule.day, monthsAfter: rule.monthsAfter })}
        </dd>
        <dt>{t('templateAdmin.obligation.legend')}</dt>
        <dd>
          {'levels' in template.obligation
            ? t('templateAdmin.obligation.summaryLevels', {
                levels: template.obligation.levels.map((l) => t(`levels.${l}`)).join(', '),
              })
            : t('templateAdmin.obligation.summaryList', { count: template.obligation.agencyIds.length })}
        </dd>
        <dt>{t('templateAdmin.approval.legend')}</dt>
        <dd>{t(`templateAdmin.approval.chains.${template.approval}`)}</dd>
        <dt>{t('templateAdmin.active')}</dt>
        <dd>{template.active ? t('templateAdmin.active') : t('templateAdmin.retired')}</dd>
        <dt>{t('templateAdmin.submissions')}</dt>
        <dd>{formatCount(usage.submissions, language)}</dd>
      </dl>

      {!data.editable ? (
        <p className="notice" role="note">
          {t('templateAdmin.notLatest')}
        </p>
      ) : !admin ? (
        <p className="notice" role="note">
          {t('templateAdmin.readOnly')}
        </p>
      ) : (
        <>
          <TemplateEditor
            key={template.id}
            mode="update"
            initial={initial}
            kpis={kpis.data}
            usage={{
              version: template.version,
              submissions: usage.submissions,
              lastUsedPeriod: usage.lastUsedPeriod,
            }}
            send={send}
          />
          <section className="admin-panel" aria-labelledby="template-active-title">
            <h2 id="template-active-title">
              {template.active ? t('templateAdmin.retire') : t('templateAdmin.reactivate')}
            </h2>
            <p className="hint">{t('templateAdmin.retireNote')}</p>
            <button
              type="button"
              className={template.active ? 'button button--danger' : 'button'}
              disabled={setActive.isPending}
              onClick={() => {
                setActiveFailure('');
                setActive.mutate(
                  { id: template.id, editVersion: template.editVersion, active: !template.active },
                  { onError: (error) => setActiveFailure(errorMessage(error, t)) },
                );
              }}
            >
              {template.active ? t('templateAdmin.retire') : t('templateAdmin.reactivate')}
            </button>
            {activeFailure && (
              <p className="form__alert" role="alert">
                {activeFailure}
              </p>
            )}
          </section>
        </>
      )}

      {(!data.editable || !admin) && (
        <ScrollRegion label={t('templateAdmin.fields.legend')}>
          <SimpleTable
            caption={t('templateAdmin.fields.legend')}
            columns={[
              { key: 'code', header: t('templateAdmin.fields.code'), cell: (f) => f.code, rowHeader: true },
              {
                key: 'label',
                header: t('templateAdmin.fields.labelVi'),
                cell: (f) => (en ? f.labelEn : f.labelVi),
              },
              {
                key: 'type',
                header: t('templateAdmin.fields.type'),
                cell: (f) => t(`templateAdmin.fields.types.${f.type}`),
              },
              { key: 'unit', header: t('templateAdmin.fields.unit'), cell: (f) => f.unit ?? '—' },
              {
                key: 'required',
                header: t('templateAdmin.fields.required'),
                cell: (f) => (f.required ? '✓' : '—'),
              },
              {
                key: 'min',
                header: t('templateAdmin.fields.min'),
                cell: (f) => f.min ?? '—',
                cellClassName: 'numeric',
              },
              {
                key: 'max',
                header: t('templateAdmin.fields.max'),
                cell: (f) => f.max ?? '—',
                cellClassName: 'numeric',
              },
              {
                key: 'kpi',
                header: t('templateAdmin.fields.kpiCode'),
                cell: (f) =>
                  f.kpiCode
                    ? `${f.kpiCode}${f.kpiRole ? ` · ${t(`templateAdmin.fields.kpiRoles.${f.kpiRole}`)}` : ''}`
                    : '—',
              },
            ]}
            rows={fields}
            rowKey={(f) => f.code}
          />
          {template.validationRules.length === 0 ? (
            <p>{t('templateAdmin.rules.none')}</p>
          ) : (
            <SimpleTable
              caption={t('templateAdmin.rules.caption')}
              columns={[
                {
                  key: 'code',
                  header: t('templateAdmin.rules.inputs.code'),
                  cell: (r) => r.code,
                  rowHeader: true,
                },
                {
                  key: 'rule',
                  header: t('templateAdmin.rules.rule'),
                  cell: (r) =>
                    r.kind === 'compare'
                      ? t('templateAdmin.rules.summary.compare', {
                          left: r.left,
                          op: t(`templateAdmin.rules.ops.${r.op}`),
                          right: r.right,
                        })
                      : r.kind === 'sum'
                        ? t('templateAdmin.rules.summary.sum', { total: r.total, parts: r.parts.join(' + ') })
                        : t('templateAdmin.rules.summary.deviation', {
                            field: r.field,
                            percent: r.maxChangePercent,
                          }),
                },
                {
                  key: 'severity',
                  header: t('templateAdmin.rules.inputs.severity'),
                  cell: (r) => t(`templateAdmin.rules.severities.${r.severity}`),
                },
                {
                  key: 'message',
                  header: t('templateAdmin.rules.message'),
                  cell: (r) => (en ? r.messageEn : r.messageVi),
                },
              ]}
              rows={template.validationRules}
              rowKey={(r) => r.code}
            />
          )}
        </ScrollRegion>
      )}

      <section aria-labelledby="template-history-title">
        <h2 id="template-history-title">{t('templateAdmin.history')}</h2>
        <ScrollRegion label={t('templateAdmin.historyCaption', { code: template.code })}>
          <SimpleTable
            caption={t('templateAdmin.historyCaption', { code: template.code })}
            testId="version-history"
            columns={[
              {
                key: 'version',
                header: t('templateAdmin.version'),
                cell: (h) =>
                  h.id === template.id ? (
                    <>
                      {t('templateAdmin.versionN', { n: h.version })} {t('templateAdmin.current')}
                    </>
                  ) : (
                    <Link to={`/admin/templates/${h.id}`}>
                      {t('templateAdmin.versionN', { n: h.version })}
                    </Link>
                  ),
                rowHeader: true,
              },
              {
                key: 'firstPeriod',
                header: t('templateAdmin.firstPeriod'),
                cell: (h) => periodName(h.firstPeriod, i18n.language),
              },
              {
                key: 'lastPeriod',
                header: t('templateAdmin.lastPeriod'),
                cell: (h) =>
                  h.lastPeriod ? periodName(h.lastPeriod, i18n.language) : t('templateAdmin.ongoing'),
              },
              {
                key: 'submissions',
                header: t('templateAdmin.submissions'),
                cell: (h) => formatCount(h.submissions, language),
                numeric: true,
              },
              {
                key: 'createdAt',
                header: t('templateAdmin.createdAt'),
                cell: (h) => formatDateTime(h.createdAt),
              },
            ]}
            rows={history}
            rowKey={(h) => h.id}
          />
        </ScrollRegion>
      </section>
    </section>
  );
}
