import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { periodName } from '../../../../shared/period-names';
import { ScrollRegion } from '../../../components/scroll-region';
import { Spinner } from '../../../components/spinner';
import { formatCount, formatDate, formatDateTime, formatNumber, formatPercent } from '../../../lib/format';
import { usePageTitle } from '../../../lib/use-page-title';
import { publicKpiQuery } from '../api/public-queries';
import { PublicLayout } from './public-layout';

/** The agencies a page lists at most; the file has them all. */
const AGENCIES_SHOWN = 200;

/** One KPI in public: its published periods with what each rests on, and each agency's figures. */
export function PublicKpiPage() {
  const { t, i18n } = useTranslation();
  const { code = '' } = useParams();
  const detail = useQuery(publicKpiQuery(code));
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const name = (x: { nameVi: string; nameEn: string }) => (lang === 'vi' ? x.nameVi : x.nameEn);
  const percent = (v: number | null) => formatPercent(v, i18n.language, 1);
  const kpi = detail.data?.kpi;
  usePageTitle(kpi ? t('openData.kpiTitle', { code: kpi.code, name: name(kpi) }) : t('openData.title'));
  const [chosen, setChosen] = useState<string | null>(null);
  const suffix = lang === 'en' ? '?lang=en' : '';
  const periodLabel = (p: { periodKey: string; periodEnd: string }) =>
    `${periodName(p.periodKey, lang)} (${formatDate(p.periodEnd)})`;

  if (detail.isPending)
    return (
      <PublicLayout>
        <h1>{t('openData.title')}</h1>
        <Spinner label={t('openData.loading')} />
      </PublicLayout>
    );
  if (!kpi || !detail.data)
    return (
      <PublicLayout>
        <h1>{t('openData.title')}</h1>
        <p role="alert">
          {(detail.error as { status?: number } | null)?.status === 404
            ? t('openData.notFound')
            : t('openData.failed')}
        </p>
        <p>
          <Link to="/public">{t('openData.backToPortal')}</Link>
        </p>
      </PublicLayout>
    );

  const period = chosen ?? kpi.latest?.periodKey ?? null;
  const rows = detail.data.agencies.filter((a) => a.periodKey === period);
  return (
    <PublicLayout>
      <p>
        <Link to="/public">{t('openData.backToPortal')}</Link>
      </p>
      <h1>{t('openData.kpiTitle', { code: kpi.code, name: name(kpi) })}</h1>
      <p>{t('openData.updated', { time: formatDateTime(detail.data.modified) })}</p>
      <section aria-labelledby="kpi-definition" className="stack">
        <h2 id="kpi-definition">{t('openData.definitionTitle')}</h2>
        <p>{kpi.definition[lang]}</p>
        <p>
          {kpi.targets.map((x) => `${t('kpis.target', { year: x.year })}: ${percent(x.value)}`).join(' · ')}
        </p>
      </section>
      <section aria-labelledby="kpi-status" className="stack">
        <h2 id="kpi-status">{t('openData.statusTitle')}</h2>
        <p>
          <strong>{t(`kpis.statuses.${kpi.status}`)}</strong>: {kpi.statusReason[lang]}
        </p>
      </section>
      <section aria-labelledby="kpi-periods" className="stack">
        <h2 id="kpi-periods">{t('openData.periodsTitle')}</h2>
        {kpi.periods.length === 0 ? (
          <p>{t('openData.noPublished')}</p>
        ) : (
          <ScrollRegion labelledBy="kpi-periods-caption">
            <table className="data-table">
              <caption id="kpi-periods-caption">{t('openData.periodsCaption', { code: kpi.code })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('kpis.period')}</th>
                  <th scope="col" className="numeric">
                    {t('kpis.value')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('openData.colPlanned')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('openData.colAgencies')}
                  </th>
                  <th scope="col">{t('openData.colCloses')}</th>
                  {kpi.source === 'system' ? null : <th scope="col">{t('openData.colFiles')}</th>}
                </tr>
              </thead>
              <tbody>
                {[...kpi.periods].reverse().map((p) => (
                  <tr key={p.periodKey}>
                    <th scope="row">
                      {kpi.source === 'system' ? (
                        periodLabel(p)
                      ) : (
                        <button
                          type="button"
                          className="button button--link"
                          aria-pressed={p.periodKey === period}
                          onClick={() => setChosen(p.periodKey)}
                        >
                          {periodLabel(p)}
                        </button>
                      )}
                    </th>
                    <td className="numeric">{percent(p.value)}</td>
                    <td className="numeric">{percent(p.planned)}</td>
                    <td className="numeric">
                      {p.obliged === null
                        ? '—'
                        : `${formatCount(p.agencies, i18n.language)}/${formatCount(p.obliged, i18n.language)}`}
                    </td>
                    <td>{p.closesOn ? formatDate(p.closesOn) : '—'}</td>
                    {kpi.source === 'system' ? null : (
                      <td>
                        <a href={`/open-data/kpis/${kpi.code}/${p.periodKey}.csv${suffix}`} download>
                          CSV
                        </a>{' '}
                        · <a href={`/open-data/kpis/${kpi.code}/${p.periodKey}.json${suffix}`}>JSON</a>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        <p>
          <a href={`/open-data/kpis/${kpi.code}.csv${suffix}`} download>
            {t('openData.fileCsv', { table: kpi.code })}
          </a>{' '}
          ·{' '}
          <a href={`/open-data/kpis/${kpi.code}.json${suffix}`}>
            {t('openData.fileJson', { table: kpi.code })}
          </a>
        </p>
      </section>
      <section aria-labelledby="kpi-agencies" className="stack">
        {kpi.source === 'system' || !period ? (
          <>
            <h2 id="kpi-agencies">{t('openData.colFiles')}</h2>
            <p>{kpi.source === 'system' ? t('openData.noAgencies') : t('openData.noPublished')}</p>
          </>
        ) : (
          <>
            <h2 id="kpi-agencies">{t('openData.agenciesTitle', { period })}</h2>
            {rows.length > AGENCIES_SHOWN ? (
              <p>
                {t('openData.agenciesMore', {
                  shown: formatCount(AGENCIES_SHOWN, i18n.language),
                  total: formatCount(rows.length, i18n.language),
                })}
              </p>
            ) : null}
            <ScrollRegion labelledBy="kpi-agencies-caption">
              <table className="data-table">
                <caption id="kpi-agencies-caption">{t('openData.agenciesCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('openData.colAgency')}</th>
                    <th scope="col">{t('openData.colLevel')}</th>
                    <th scope="col" className="numeric">
                      {t('kpis.value')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('openData.colNumerator')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('openData.colDenominator')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.slice(0, AGENCIES_SHOWN).map((a) => (
                    <tr key={a.agencyId}>
                      <th scope="row">{name(a)}</th>
                      <td>{t(`levels.${a.level}`)}</td>
                      <td className="numeric">{percent(a.value)}</td>
                      <td className="numeric">{formatNumber(a.numerator, i18n.language)}</td>
                      <td className="numeric">{formatNumber(a.denominator, i18n.language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </>
        )}
      </section>
    </PublicLayout>
  );
}
