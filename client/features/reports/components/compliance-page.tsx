import { type ReactNode, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isReportLateOrMissing } from '../../../../shared/compliance-cells';
import { ErrorState } from '../../../components/error-state';
import { ScrollRegion } from '../../../components/scroll-region';
import { SignedPdfDownload } from '../../../components/signed-pdf-download';
import { Spinner } from '../../../components/spinner';
import { formatCount, formatDate, formatDateTime, formatRate } from '../../../lib/format';
import { type Signing, signedPdfHref } from '../../../lib/signed-pdf';
import type { RouterOutputs } from '../../../lib/trpc';
import { usePageTitle } from '../../../lib/use-page-title';
import { compareVietnamese } from '../../../lib/vietnamese-collator';
import { useCompliance, useReportTemplates } from '../api/report-queries';
import { CELL_SYMBOLS, type CellStage, type CellState, HeatmapCell } from './heatmap-cell';
import '../reports.css';
import { AGENCY_LEVELS, type AgencyLevel } from '../../../../shared/agencies';
import { periodName } from '../../../../shared/period-names';

type Level = AgencyLevel;
type RankKey = 'completeness' | 'timeliness';
/** What a cell can say first: its timeliness, or where a report not yet accepted stands. */
const LEGEND: (CellState | CellStage)[] = [
  'on_time',
  'late',
  'missing',
  'pending',
  'early',
  'awaiting_approval',
  'awaiting_acceptance',
  'returned',
  'correcting',
];

/** The server's export of the same figures (`server/http/exports.ts`), for the template and level chosen. */
export function complianceExportUrl(templateId: number, level: Level | '', language: string): string {
  const query = new URLSearchParams({ templateId: String(templateId) });
  if (level) query.set('level', level);
  query.set('lang', language === 'en' ? 'en' : 'vi');
  return `/export/compliance.csv?${query}`;
}

/** The same figures as a report to sign (`server/http/pdf-exports.ts`), always in Vietnamese. */
export function compliancePdfUrl(templateId: number, level: Level | '', signing?: Signing): string {
  return signedPdfHref('/export/compliance.pdf', { templateId: String(templateId), level }, signing);
}

/** One agency's report of a period: the cell the user opened. */
export interface ChosenObligation {
  templateId: number;
  agencyId: number;
  agencyName: string;
  periodKey: string;
}

/**
 * What the page shows about a late or missing report when its cell is opened (the app composes it: the
 * reminders and explanation requests, client/app/routes/compliance-route.tsx), and for which agencies.
 */
export interface ObligationPanel {
  mayOpen: (agencyId: number) => boolean;
  render: (obligation: ChosenObligation) => ReactNode;
}

/** The choice a reminder of a whole period starts from: the regime, its periods, the level shown. */
export interface PeriodChoice {
  templateId: number;
  periods: readonly { key: string; due: boolean }[];
  level: Level | '';
}

/** The cell named in the address (a notification's link): ?templateId=&agencyId=&periodKey=. */
function cellInAddress(params: URLSearchParams) {
  const templateId = Number(params.get('templateId'));
  const agencyId = Number(params.get('agencyId'));
  const periodKey = params.get('periodKey');
  return templateId > 0 && agencyId > 0 && periodKey ? { templateId, agencyId, periodKey } : null;
}

/** Reporting rates as DHIS2 shows them: agencies × periods, rates per agency, a ranking and who is missing. */
export function CompliancePage({
  obligationPanel,
  periodReminder,
}: {
  obligationPanel?: ObligationPanel;
  /** The Office's reminder of every missing report of a period (the app composes it), above the lists. */
  periodReminder?: (choice: PeriodChoice) => ReactNode;
} = {}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const templateSelectId = useId();
  const levelSelectId = useId();
  usePageTitle(t('reports.compliance.title'));
  const templates = useReportTemplates();
  const [searchParams] = useSearchParams();
  const [opened, setOpened] = useState(() => cellInAddress(searchParams));
  const [chosen, setChosen] = useState<number | null>(opened?.templateId ?? null);
  const [level, setLevel] = useState<Level | ''>('');
  const [rank, setRank] = useState<{ key: RankKey; desc: boolean }>({ key: 'completeness', desc: true });
  const templateId = chosen ?? templates.data?.[0]?.id ?? null;
  const compliance = useCompliance(templateId, level);
  const data = compliance.data;
  const nameOf = (a: { nameVi: string; nameEn: string }) => (language === 'en' ? a.nameEn : a.nameVi);

  const ranked = useMemo(() => {
    if (!data) return [];
    const sign = rank.desc ? -1 : 1;
    return [...data.agencies].sort((a, b) => {
      const x = a[rank.key];
      const y = b[rank.key];
      if (x === null && y === null) return compareVietnamese(a.nameVi, b.nameVi);
      if (x === null) return 1;
      if (y === null) return -1;
      return x === y ? compareVietnamese(a.nameVi, b.nameVi) : sign * (x - y);
    });
  }, [data, rank]);

  const rankHeader = (key: RankKey) => {
    const active = rank.key === key;
    return (
      <th scope="col" aria-sort={active ? (rank.desc ? 'descending' : 'ascending') : undefined}>
        <button
          type="button"
          className="sort-button"
          onClick={() => setRank((r) => ({ key, desc: r.key === key ? !r.desc : true }))}
        >
          {t(`reports.compliance.${key}`)}
          <span className="visually-hidden">
            ,{' '}
            {active
              ? rank.desc
                ? t('common.sortDescending')
                : t('common.sortAscending')
              : t('common.sortable')}
          </span>
          <span className="sort-button__icon" aria-hidden="true">
            {active ? (rank.desc ? '▼' : '▲') : '↕'}
          </span>
        </button>
      </th>
    );
  };

  return (
    <section className="page reports compliance">
      <h1>{t('reports.compliance.title')}</h1>
      <p className="hint">{t('reports.compliance.intro')}</p>
      <p className="borders-note">{t('borders.obligations')}</p>
      {templates.isPending ? (
        <Spinner />
      ) : templates.isError ? (
        <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />
      ) : templates.data.length === 0 ? (
        <p className="empty">{t('reports.compliance.noTemplates')}</p>
      ) : (
        <>
          <div className="compliance__filters">
            <div className="form__field">
              <label htmlFor={templateSelectId}>{t('reports.compliance.template')}</label>
              <select
                id={templateSelectId}
                value={templateId ?? ''}
                onChange={(event) => {
                  setChosen(Number(event.target.value));
                  setOpened(null);
                }}
              >
                {templates.data.map((tpl) => (
                  <option key={tpl.id} value={tpl.id}>
                    {tpl.code} – {language === 'en' ? tpl.nameEn : tpl.nameVi}
                  </option>
                ))}
              </select>
            </div>
            <div className="form__field">
              <label htmlFor={levelSelectId}>{t('reports.compliance.level')}</label>
              <select
                id={levelSelectId}
                value={level}
                onChange={(event) => setLevel(event.target.value as Level | '')}
              >
                <option value="">{t('reports.compliance.allLevels')}</option>
                {AGENCY_LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {t(`levels.${l}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="compliance__export">
              {templateId !== null && (
                <a className="button" href={complianceExportUrl(templateId, level, language)} download>
                  {t('reports.compliance.exportCsv')}
                </a>
              )}
              <p className="hint">{t('reports.compliance.exportHint')}</p>
            </div>
          </div>
          {templateId !== null && (
            <SignedPdfDownload href={(signing) => compliancePdfUrl(templateId, level, signing)} />
          )}
          {compliance.isPending ? (
            <Spinner />
          ) : compliance.isError ? (
            <ErrorState error={compliance.error} onRetry={() => void compliance.refetch()} />
          ) : !data ? null : (
            <>
              <p aria-live="polite">{t('reports.compliance.asOf', { time: formatDateTime(data.asOf) })}</p>
              <section aria-label={t('reports.compliance.legend')}>
                <ul className="heatmap-legend">
                  {LEGEND.map((s) => (
                    <li key={s} className={`heatmap-cell heatmap-cell--${s}`}>
                      <span aria-hidden="true">{CELL_SYMBOLS[s]}</span> {t(`reports.compliance.cells.${s}`)}
                    </li>
                  ))}
                </ul>
                <p className="hint">{t('reports.compliance.legendHint')}</p>
              </section>
              {data.periods.length === 0 ? (
                <p className="empty">{t('reports.compliance.noPeriods')}</p>
              ) : data.agencies.length === 0 ? (
                <p className="empty">{t('reports.compliance.noAgencies')}</p>
              ) : (
                <>
                  <ScrollRegion label={t('reports.compliance.heatmapCaption')}>
                    <table className="data-table heatmap" aria-busy={compliance.isPlaceholderData}>
                      <caption>{t('reports.compliance.heatmapCaption')}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('reports.agency')}</th>
                          {data.periods.map((p) => (
                            <th key={p.key} scope="col" className="nowrap">
                              {periodName(p.key, i18n.language)}
                              <span className="heatmap__deadline">
                                {t('reports.deadline')}: {formatDate(p.deadline)}
                              </span>
                            </th>
                          ))}
                          <th scope="col">{t('reports.compliance.expected')}</th>
                          <th scope="col">{t('reports.compliance.submitted')}</th>
                          <th scope="col">{t('reports.compliance.onTime')}</th>
                          <th scope="col">{t('reports.compliance.late')}</th>
                          <th scope="col">{t('reports.compliance.missing')}</th>
                          <th scope="col">{t('reports.compliance.completeness')}</th>
                          <th scope="col">{t('reports.compliance.timeliness')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {data.agencies.map((a) => (
                          <tr key={a.agencyId}>
                            <th scope="row">{nameOf(a)}</th>
                            {data.periods.map((p) => {
                              const cell = a.cells[p.key];
                              const openable =
                                templateId !== null &&
                                obligationPanel?.mayOpen(a.agencyId) &&
                                cell !== undefined &&
                                isReportLateOrMissing(cell);
                              return cell ? (
                                <HeatmapCell
                                  key={p.key}
                                  state={cell.state}
                                  stage={cell.stage}
                                  submissionId={cell.submissionId}
                                  agencyName={nameOf(a)}
                                  periodKey={p.key}
                                  onOpen={
                                    openable && templateId !== null
                                      ? () =>
                                          setOpened({ templateId, agencyId: a.agencyId, periodKey: p.key })
                                      : undefined
                                  }
                                />
                              ) : (
                                <td key={p.key}>—</td>
                              );
                            })}
                            <td className="numeric">{formatCount(a.expected, language)}</td>
                            <td className="numeric">{formatCount(a.submitted, language)}</td>
                            <td className="numeric">{formatCount(a.onTime, language)}</td>
                            <td className="numeric">{formatCount(a.late, language)}</td>
                            <td className="numeric">{formatCount(a.missing, language)}</td>
                            <td className="numeric">{formatRate(a.completeness, language)}</td>
                            <td className="numeric">{formatRate(a.timeliness, language)}</td>
                          </tr>
                        ))}
                      </tbody>
                      <tfoot>
                        <tr>
                          <th scope="row">{t('reports.compliance.totals')}</th>
                          {data.periods.map((p) => (
                            <td key={p.key} />
                          ))}
                          <td className="numeric">{formatCount(data.totals.expected, language)}</td>
                          <td className="numeric">{formatCount(data.totals.submitted, language)}</td>
                          <td className="numeric">{formatCount(data.totals.onTime, language)}</td>
                          <td className="numeric">{formatCount(data.totals.late, language)}</td>
                          <td className="numeric">{formatCount(data.totals.missing, language)}</td>
                          <td className="numeric">{formatRate(data.totals.completeness, language)}</td>
                          <td className="numeric">{formatRate(data.totals.timeliness, language)}</td>
                        </tr>
                      </tfoot>
                    </table>
                  </ScrollRegion>

                  {obligationPanel &&
                    opened &&
                    templateId !== null &&
                    (() => {
                      const agency = data.agencies.find((a) => a.agencyId === opened.agencyId);
                      return agency && obligationPanel.mayOpen(agency.agencyId)
                        ? obligationPanel.render({
                            templateId,
                            agencyId: agency.agencyId,
                            agencyName: nameOf(agency),
                            periodKey: opened.periodKey,
                          })
                        : null;
                    })()}

                  <section aria-labelledby="compliance-ranking">
                    <h2 id="compliance-ranking">{t('reports.compliance.ranking')}</h2>
                    <ScrollRegion label={t('reports.compliance.rankingCaption')}>
                      <table className="data-table">
                        <caption>{t('reports.compliance.rankingCaption')}</caption>
                        <thead>
                          <tr>
                            <th scope="col">{t('reports.compliance.rank')}</th>
                            <th scope="col">{t('reports.agency')}</th>
                            {rankHeader('completeness')}
                            {rankHeader('timeliness')}
                            <th scope="col">{t('reports.compliance.submitted')}</th>
                            <th scope="col">{t('reports.compliance.expected')}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {ranked.map((a, index) => (
                            <tr key={a.agencyId}>
                              <td className="numeric">{index + 1}</td>
                              <th scope="row">{nameOf(a)}</th>
                              <td className="numeric">{formatRate(a.completeness, language)}</td>
                              <td className="numeric">{formatRate(a.timeliness, language)}</td>
                              <td className="numeric">{formatCount(a.submitted, language)}</td>
                              <td className="numeric">{formatCount(a.expected, language)}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </ScrollRegion>
                  </section>

                  <section aria-labelledby="compliance-missing">
                    <h2 id="compliance-missing">{t('reports.compliance.missingTitle')}</h2>
                    {templateId !== null && periodReminder?.({ templateId, periods: data.periods, level })}
                    <MissingLists data={data} nameOf={nameOf} />
                  </section>
                </>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}

function MissingLists({
  data,
  nameOf,
}: {
  data: RouterOutputs['submissions']['compliance'];
  nameOf: (a: { nameVi: string; nameEn: string }) => string;
}) {
  const { t } = useTranslation();
  const lists = data.periods
    .map((p) => ({
      key: p.key,
      agencies: data.agencies.filter((a) => a.cells[p.key]?.state === 'missing'),
    }))
    .filter((l) => l.agencies.length > 0)
    .reverse();
  if (lists.length === 0) return <p className="empty">{t('reports.compliance.noneMissing')}</p>;
  return (
    <>
      {lists.map((l) => (
        <details key={l.key} className="compliance__missing">
          <summary>
            {t('reports.compliance.missingPeriod', { period: l.key, count: l.agencies.length })}
          </summary>
          <ul>
            {l.agencies.map((a) => (
              <li key={a.agencyId}>{nameOf(a)}</li>
            ))}
          </ul>
        </details>
      ))}
    </>
  );
}
