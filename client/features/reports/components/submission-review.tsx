import { useTranslation } from 'react-i18next';
import { figuresFromValues } from '../../../../shared/kpi-math';
import type { SubmissionValues, TemplateField } from '../../../../shared/report-values';
import type { RuleIssue } from '../../../../shared/validation-rules';
import { ScrollRegion } from '../../../components/scroll-region';
import { formatNumber, formatPercent } from '../../../lib/format';
import { issueMessage, issueReference, labelOf } from '../report-values-form';

interface SubmissionReviewProps {
  fields: readonly TemplateField[];
  values: SubmissionValues;
  explanations: Readonly<Record<string, string>>;
  /** What `evaluateRules` says of the current revision (the form's and the server's rule). */
  issues: readonly RuleIssue[];
  systemValues: Readonly<Record<string, number>>;
  previousPeriods: readonly { periodKey: string; values: SubmissionValues }[];
}

const numeric = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/**
 * What a leader or the Office weighs before deciding: the raw figures beside the system's own and the
 * agency's latest accepted periods, the rate each KPI share gives (as the national figures will take
 * it, `figuresFromValues`), and each rule's verdict with the agency's explanation.
 */
export function SubmissionReview({
  fields,
  values,
  explanations,
  issues,
  systemValues,
  previousPeriods,
}: SubmissionReviewProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const shown = (value: unknown) => {
    const n = numeric(value);
    return n === null ? '—' : formatNumber(n, language);
  };
  const rate = (value: number | null | undefined) =>
    value === null || value === undefined ? '—' : formatPercent(value, language, 1);
  const numbers = fields.filter((f) => f.type !== 'text');
  const sourced = numbers.some((f) => systemValues[f.code] !== undefined);
  const shares = new Set(fields.filter((f) => f.kpiRole === 'numerator').map((f) => f.kpiCode));
  const kpiFigures = (v: SubmissionValues) =>
    new Map(
      figuresFromValues(fields, v)
        .filter((f) => shares.has(f.kpiCode))
        .map((f) => [f.kpiCode, f]),
    );
  const current = kpiFigures(values);
  const earlier = previousPeriods.map((p) => ({ periodKey: p.periodKey, figures: kpiFigures(p.values) }));
  const kpiCodes = [...shares].filter((code): code is string => Boolean(code));
  const period = (key: string) => t('reports.review.period', { period: key });

  return (
    <section className="report-review" aria-labelledby="report-review-title">
      <h2 id="report-review-title">{t('reports.review.title')}</h2>
      <p className="hint">{t('reports.review.intro')}</p>

      <section aria-labelledby="report-checks-title">
        <h3 id="report-checks-title">{t('reports.review.checksTitle')}</h3>
        {issues.length === 0 ? (
          <p>{t('reports.review.noIssues')}</p>
        ) : (
          <ul className="report-checks">
            {issues.map((issue) => {
              const reference = issueReference(issue, t, language);
              const explanation = (explanations[issue.code] ?? '').trim();
              return (
                <li key={issue.code} className={`report-check report-check--${issue.severity}`}>
                  <strong>
                    {issue.severity === 'error' ? t('reports.review.error') : t('reports.review.warning')}:
                  </strong>{' '}
                  {issueMessage(issue, language)}
                  {reference && ` (${reference})`}
                  {issue.severity === 'warning' && (
                    <p className="report-check__explanation">
                      {t('reports.review.explanation')}:{' '}
                      {explanation ? <q>{explanation}</q> : <em>{t('reports.review.noExplanation')}</em>}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      {kpiCodes.length > 0 && (
        <ScrollRegion label={t('reports.review.ratesCaption')}>
          <table className="data-table">
            <caption>{t('reports.review.ratesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.review.kpi')}</th>
                <th scope="col">{t('reports.review.numerator')}</th>
                <th scope="col">{t('reports.review.denominator')}</th>
                <th scope="col">{t('reports.review.rate')}</th>
                {earlier.map((p) => (
                  <th key={p.periodKey} scope="col">
                    {period(p.periodKey)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {kpiCodes.map((code) => {
                const figure = current.get(code);
                return (
                  <tr key={code}>
                    <th scope="row">{code}</th>
                    <td className="numeric">{shown(figure?.numerator)}</td>
                    <td className="numeric">{shown(figure?.denominator)}</td>
                    <td className="numeric">{rate(figure?.value)}</td>
                    {earlier.map((p) => (
                      <td key={p.periodKey} className="numeric">
                        {rate(p.figures.get(code)?.value)}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}

      <ScrollRegion label={t('reports.review.figuresCaption')}>
        <table className="data-table">
          <caption>{t('reports.review.figuresCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.review.field')}</th>
              <th scope="col">{t('reports.review.current')}</th>
              {sourced && <th scope="col">{t('reports.review.system')}</th>}
              {previousPeriods.map((p) => (
                <th key={p.periodKey} scope="col">
                  {period(p.periodKey)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {numbers.map((field) => (
              <tr key={field.code}>
                <th scope="row">{labelOf(field, language)}</th>
                <td className="numeric">{shown(values[field.code])}</td>
                {sourced && <td className="numeric">{shown(systemValues[field.code])}</td>}
                {previousPeriods.map((p) => (
                  <td key={p.periodKey} className="numeric">
                    {shown(p.values[field.code])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {previousPeriods.length === 0 && <p className="hint">{t('reports.review.noPrevious')}</p>}
    </section>
  );
}
