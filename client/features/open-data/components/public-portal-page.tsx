import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OPEN_DATA_DICTIONARY, OPEN_DATA_LICENCE } from '../../../../shared/open-data-dictionary';
import type { PublishedKpi, PublishedPeriod } from '../../../../shared/schemas/open-data';
import { TASK_STATUSES } from '../../../../shared/task-status';
import { ScrollRegion } from '../../../components/scroll-region';
import { Spinner } from '../../../components/spinner';
import { formatCount, formatDate, formatDateTime, formatPercent } from '../../../lib/format';
import { usePageTitle } from '../../../lib/use-page-title';
import { publicPortalQuery } from '../api/public-queries';
import { PublicLayout } from './public-layout';

type Lang = 'vi' | 'en';
const langOf = (language: string): Lang => (language === 'en' ? 'en' : 'vi');

/** What a published figure rests on: its period, N of M agencies and the deadline (or the cut-off). */
export function PeriodBasis({ period }: { period: PublishedPeriod }) {
  const { t, i18n } = useTranslation();
  return period.obliged === null
    ? t('openData.basisSystem', { period: period.periodKey, periodEnd: formatDate(period.periodEnd) })
    : t('openData.basis', {
        period: period.periodKey,
        agencies: formatCount(period.agencies, i18n.language),
        obliged: formatCount(period.obliged, i18n.language),
        closesOn: period.closesOn ? formatDate(period.closesOn) : '—',
      });
}

/** The target a KPI heads for next: the first after its latest published period (else its last one). */
export function nextTarget(kpi: PublishedKpi) {
  const from = Number((kpi.latest?.periodEnd ?? '').slice(0, 4)) || 0;
  return kpi.targets.find((x) => x.year >= from) ?? kpi.targets.at(-1) ?? null;
}

/** The open-data files: each table in CSV and JSON (Vietnamese, and English), the catalogue, the dictionary. */
export function Downloads() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const files = [
    { path: '/open-data/kpis', table: 'kpis' as const },
    { path: '/open-data/task-groups', table: 'task-groups' as const },
  ];
  return (
    <section aria-labelledby="open-data-files" className="stack">
      <h2 id="open-data-files">{t('openData.downloadsTitle')}</h2>
      <p className="hint">{t('openData.downloadsIntro')}</p>
      <p>
        {t('openData.licence', {
          name: OPEN_DATA_LICENCE.name[lang],
          attribution: OPEN_DATA_LICENCE.attribution[lang],
        })}{' '}
        <a href={OPEN_DATA_LICENCE.url} rel="license noopener" lang="en">
          CC BY 4.0
        </a>
      </p>
      <ul className="public-downloads">
        {files.flatMap(({ path, table }) => {
          const title = OPEN_DATA_DICTIONARY.find((d) => d.table === table)?.title[lang] ?? table;
          return (['csv', 'json'] as const).map((format) => (
            <li key={`${path}.${format}`}>
              <a href={`${path}.${format}${lang === 'en' ? '?lang=en' : ''}`} download>
                {t(format === 'csv' ? 'openData.fileCsv' : 'openData.fileJson', { table: title })}
              </a>
            </li>
          ));
        })}
        <li>
          <a href="/open-data/catalog.jsonld">{t('openData.catalog')}</a>
        </li>
        <li>
          <a href="/open-data/dictionary.json">{t('openData.dictionaryJson')}</a>
        </li>
      </ul>
      <h3>{t('openData.dictionaryTitle')}</h3>
      {OPEN_DATA_DICTIONARY.map((table) => (
        <details key={table.table}>
          <summary>{table.title[lang]}</summary>
          <p>{table.description[lang]}</p>
          <ScrollRegion labelledBy={`dictionary-${table.table}`}>
            <table className="data-table">
              <caption id={`dictionary-${table.table}`}>
                {t('openData.dictionaryCaption', { table: table.title[lang] })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('openData.colColumn')}</th>
                  <th scope="col">{t('openData.colKey')}</th>
                  <th scope="col">{t('openData.colType')}</th>
                  <th scope="col">{t('openData.colMeaning')}</th>
                </tr>
              </thead>
              <tbody>
                {table.columns.map((c) => (
                  <tr key={c.key}>
                    <th scope="row">{c.header[lang]}</th>
                    <td>
                      <code>{c.key}</code>
                    </td>
                    <td>
                      <code>{c.type}</code>
                    </td>
                    <td>{c.description[lang]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </details>
      ))}
    </section>
  );
}

export function PublicPortalPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('openData.title'));
  const portal = useQuery(publicPortalQuery());
  const lang = langOf(i18n.language);
  const name = (x: { nameVi: string; nameEn: string }) => (lang === 'vi' ? x.nameVi : x.nameEn);
  const percent = (v: number | null) => formatPercent(v, i18n.language, 1);

  return (
    <PublicLayout>
      <h1>{t('openData.title')}</h1>
      <p className="hint">{t('openData.intro')}</p>
      {portal.isPending ? (
        <Spinner label={t('openData.loading')} />
      ) : portal.isError ? (
        <div role="alert" className="stack">
          <p>{t('openData.failed')}</p>
          <button type="button" className="button" onClick={() => void portal.refetch()}>
            {t('openData.retry')}
          </button>
        </div>
      ) : (
        <>
          <p>{t('openData.updated', { time: formatDateTime(portal.data.modified) })}</p>
          <section aria-labelledby="public-kpis" className="stack">
            <h2 id="public-kpis">{t('openData.kpisTitle')}</h2>
            <ScrollRegion labelledBy="public-kpis-caption">
              <table className="data-table">
                <caption id="public-kpis-caption">{t('openData.kpisCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('kpis.name')}</th>
                    <th scope="col" className="numeric">
                      {t('openData.colValue')}
                    </th>
                    <th scope="col">{t('openData.colBasis')}</th>
                    <th scope="col" className="numeric">
                      {t('openData.colPlanned')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('openData.colNextTarget')}
                    </th>
                    <th scope="col">{t('kpis.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {portal.data.kpis.map((k) => (
                    <tr key={k.code}>
                      <th scope="row">
                        <Link to={`/public/kpis/${k.code}`}>
                          {k.code}: {name(k)}
                        </Link>
                      </th>
                      <td className="numeric">{percent(k.latest?.value ?? null)}</td>
                      <td className="public-basis">
                        {k.latest ? <PeriodBasis period={k.latest} /> : t('openData.noPublished')}
                      </td>
                      <td className="numeric">{percent(k.latest?.planned ?? null)}</td>
                      <td className="numeric">
                        {nextTarget(k)
                          ? t('openData.targetBy', {
                              value: percent(nextTarget(k)?.value ?? null),
                              year: nextTarget(k)?.year,
                            })
                          : '—'}
                      </td>
                      <td className="public-status">{t(`kpis.statuses.${k.status}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </section>
          <section aria-labelledby="public-groups" className="stack">
            <h2 id="public-groups">{t('openData.groupsTitle')}</h2>
            <ScrollRegion labelledBy="public-groups-caption">
              <table className="data-table">
                <caption id="public-groups-caption">
                  {t('openData.groupsCaption', { date: formatDate(portal.data.tasksAsOf) })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('openData.colGroup')}</th>
                    <th scope="col" className="numeric">
                      {t('openData.groupTotal')}
                    </th>
                    {TASK_STATUSES.map((s) => (
                      <th key={s} scope="col" className="numeric">
                        {t(`status.${s}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {portal.data.taskGroups.map((g) => (
                    <tr key={g.groupNo}>
                      <th scope="row">{name(g)}</th>
                      <td className="numeric">{formatCount(g.total, i18n.language)}</td>
                      {TASK_STATUSES.map((s) => (
                        <td key={s} className="numeric">
                          {formatCount(g.counts[s], i18n.language)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </section>
          <Downloads />
        </>
      )}
    </PublicLayout>
  );
}
