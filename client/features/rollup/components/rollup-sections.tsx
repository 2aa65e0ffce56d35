import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TASK_STATUSES } from '../../../../shared/task-status';
import { UnitHistory } from '../../../components/borders-field';
import { type SimpleColumn, SimpleTable, TotalRow } from '../../../components/simple-table';
import {
  formatCount,
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatRate,
} from '../../../lib/format';
import type { ProvinceRollup } from '../api/rollup-queries';

type Data = { data: ProvinceRollup };
type Named = { nameVi: string; nameEn: string };

function useName() {
  const { i18n } = useTranslation();
  return (x: Named) => (i18n.language === 'en' ? x.nameEn : x.nameVi);
}

/** The communes' tasks by status (the rows add up to the total), and both completion rates. */
export function RollupTaskSummary({ data }: Data) {
  const { t, i18n } = useTranslation();
  const { counts, rates } = data.tasks;
  const count = (n: number) => formatCount(n, i18n.language);
  const rows = TASK_STATUSES.map((status) => ({ status, n: counts[status] }));
  const columns: SimpleColumn<(typeof rows)[number]>[] = [
    { key: 'status', header: t('dashboard.status'), rowHeader: true, cell: (r) => t(`status.${r.status}`) },
    {
      key: 'n',
      header: t('dashboard.count'),
      numeric: true,
      cell: (r) => count(r.n),
    },
  ];
  return (
    <section aria-labelledby="rollup-tasks">
      <h2 id="rollup-tasks">{t('rollup.tasksTitle')}</h2>
      <dl className="rollup__rates">
        <div>
          <dt>{t('dashboard.ofDueLabel')}</dt>
          <dd>
            <strong>{formatRate(rates.ofDue, i18n.language)}</strong>{' '}
            <span className="hint">
              (
              {t('dashboard.rateFraction', {
                completed: count(rates.completed),
                of: count(rates.completed + counts.overdue),
              })}
              )
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('dashboard.ofAssignedLabel')}</dt>
          <dd>
            <strong>{formatRate(rates.ofAssigned, i18n.language)}</strong>{' '}
            <span className="hint">
              ({t('dashboard.rateFraction', { completed: count(rates.completed), of: count(rates.assigned) })}
              )
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('status.dueSoon')}</dt>
          <dd>{count(data.tasks.dueSoon)}</dd>
        </div>
        <div>
          <dt>{t('status.stale')}</dt>
          <dd>{count(data.tasks.stale)}</dd>
        </div>
      </dl>
      <SimpleTable
        caption={t('rollup.statusCaption')}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.status}
        reflow="scroll"
        footer={<TotalRow label={t('dashboard.totalRow')} figures={[count(rates.total)]} />}
      />
    </section>
  );
}

/** Every commune, ranked by overdue rate once it has enough tasks; each leads to its task list. */
export function CommuneRanking({ data }: Data) {
  const { t, i18n } = useTranslation();
  const name = useName();
  // Units that lead no task are counted, not listed: a province has up to 168.
  const rows = data.tasks.communes.filter((r) => r.total > 0);
  const idle = data.tasks.communes.length - rows.length;
  const count = (n: number) => formatCount(n, i18n.language);
  const columns: SimpleColumn<(typeof rows)[number]>[] = [
    {
      key: 'rank',
      header: t('dashboard.rank'),
      numeric: true,
      cell: (r) =>
        r.rank === null ? t('rollup.notRanked', { min: data.tasks.minTasksToRank }) : count(r.rank),
    },
    {
      key: 'name',
      header: t('dashboard.agency'),
      rowHeader: true,
      cell: (r) => (
        <>
          <Link to={`/tasks?agency=${r.agencyId}`} aria-label={t('rollup.tasksOf', { name: name(r) })}>
            {name(r)}
          </Link>
          <UnitHistory validTo={null} formerUnits={r.formerUnits} />
        </>
      ),
    },
    { key: 'assigned', header: t('dashboard.assignedShort'), numeric: true, cell: (r) => count(r.assigned) },
    {
      key: 'overdue',
      header: t('dashboard.overdueCount'),
      numeric: true,
      cell: (r) => count(r.overdue),
    },
    {
      key: 'overdueRate',
      header: t('dashboard.overdueRate'),
      numeric: true,
      cell: (r) => formatRate(r.overdueRate, i18n.language),
    },
    {
      key: 'ofDue',
      header: t('dashboard.ofDueShort'),
      numeric: true,
      cell: (r) => formatRate(r.ofDue, i18n.language),
    },
  ];
  return (
    <section aria-labelledby="rollup-communes">
      <h2 id="rollup-communes">{t('rollup.communesTitle')}</h2>
      <p className="hint">{t('dashboard.rankingIntro', { min: data.tasks.minTasksToRank })}</p>
      {idle > 0 && <p>{t('rollup.idleCommunes', { count: idle, formatted: count(idle) })}</p>}
      <SimpleTable
        caption={t('rollup.communesCaption')}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.agencyId}
      />
    </section>
  );
}

/** The longest overdue, or the longest without a lead update, each leading to its task. */
export function RollupTaskList({ kind, data }: Data & { kind: 'overdue' | 'stale' }) {
  const { t, i18n } = useTranslation();
  const name = useName();
  const rows = kind === 'overdue' ? data.tasks.overdue : data.tasks.stalest;
  const total = kind === 'overdue' ? data.tasks.counts.overdue : data.tasks.stale;
  const id = `rollup-${kind}`;
  const columns: SimpleColumn<(typeof rows)[number]>[] = [
    {
      key: 'task',
      header: t('rollup.task'),
      rowHeader: true,
      cell: (r) => <Link to={`/tasks/${r.id}`}>{r.title}</Link>,
    },
    {
      key: 'commune',
      header: t('rollup.commune'),
      cell: (r) => name({ nameVi: r.leadNameVi, nameEn: r.leadNameEn }),
    },
    {
      key: 'deadline',
      header: t('rollup.deadline'),
      cell: (r) => (r.deadline ? formatDate(r.deadline) : '—'),
    },
    {
      key: 'update',
      header: t('rollup.lastUpdate'),
      cell: (r) => (r.lastLeadUpdateAt ? formatDateTime(r.lastLeadUpdateAt) : t('rollup.never')),
    },
    {
      key: 'percent',
      header: t('rollup.percent'),
      numeric: true,
      cell: (r) => formatPercent(r.latestPercent, i18n.language),
    },
  ];
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{t(kind === 'overdue' ? 'rollup.overdueTitle' : 'rollup.staleTitle')}</h2>
      {rows.length === 0 ? (
        <p>{t(kind === 'overdue' ? 'rollup.noOverdue' : 'rollup.noStale')}</p>
      ) : (
        <SimpleTable
          caption={t(kind === 'overdue' ? 'rollup.overdueCaption' : 'rollup.staleCaption', {
            shown: formatCount(rows.length, i18n.language),
            total: formatCount(total, i18n.language),
          })}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.id}
        />
      )}
    </section>
  );
}

/** Completeness and timeliness of each regime the communes must submit, commune by commune. */
export function CommuneReports({ data, mayOpenCompliance }: Data & { mayOpenCompliance: boolean }) {
  const { t, i18n } = useTranslation();
  const name = useName();
  const count = (n: number) => formatCount(n, i18n.language);
  const rate = (r: number | null) => formatRate(r, i18n.language);
  type Row = ProvinceRollup['reports'][number]['communes'][number];
  const columns: SimpleColumn<Row>[] = [
    { key: 'name', header: t('dashboard.agency'), rowHeader: true, cell: (r) => name(r) },
    { key: 'expected', header: t('rollup.expected'), numeric: true, cell: (r) => count(r.expected) },
    { key: 'submitted', header: t('rollup.submitted'), numeric: true, cell: (r) => count(r.submitted) },
    { key: 'onTime', header: t('rollup.onTime'), numeric: true, cell: (r) => count(r.onTime) },
    { key: 'missing', header: t('rollup.missing'), numeric: true, cell: (r) => count(r.missing) },
    {
      key: 'completeness',
      header: t('rollup.completeness'),
      numeric: true,
      cell: (r) => rate(r.completeness),
    },
    { key: 'timeliness', header: t('rollup.timeliness'), numeric: true, cell: (r) => rate(r.timeliness) },
  ];
  return (
    <section aria-labelledby="rollup-reports">
      <h2 id="rollup-reports">{t('rollup.reportsTitle')}</h2>
      {data.reports.length === 0 && <p>{t('rollup.noReports')}</p>}
      {data.reports.map((report) => (
        <div key={report.template.id} className="rollup__report">
          <p>
            <strong>{report.template.code}</strong> {name(report.template)}.{' '}
            {t('rollup.reportTotals', {
              submitted: count(report.totals.submitted),
              expected: count(report.totals.expected),
              completeness: rate(report.totals.completeness),
              timeliness: rate(report.totals.timeliness),
            })}{' '}
            {mayOpenCompliance && (
              <Link to={`/reports/compliance?templateId=${report.template.id}`}>
                {t('rollup.openCompliance')}
              </Link>
            )}
          </p>
          <SimpleTable
            caption={t('rollup.reportCaption', { name: report.template.code })}
            columns={columns}
            rows={report.communes}
            rowKey={(r) => r.agencyId}
          />
        </div>
      ))}
    </section>
  );
}

/** Share KPIs: the province's Σ numerators / Σ denominators over its communes, and each commune's figure. */
export function CommuneKpis({ data }: Data) {
  const { t, i18n } = useTranslation();
  const name = useName();
  const number = (n: number) => formatNumber(n, i18n.language, 2);
  const value = (v: number | null) => formatPercent(v, i18n.language, 1);
  type Kpi = ProvinceRollup['kpis'][number];
  const columns: SimpleColumn<Kpi>[] = [
    { key: 'kpi', header: t('rollup.kpi'), rowHeader: true, cell: (k) => `${k.code} ${name(k)}` },
    { key: 'period', header: t('rollup.period'), cell: (k) => k.periodKey },
    { key: 'value', header: t('rollup.provinceValue'), numeric: true, cell: (k) => value(k.value) },
    {
      key: 'fraction',
      header: t('rollup.fraction'),
      numeric: true,
      cell: (k) => `${number(k.numerator)} / ${number(k.denominator)}`,
    },
    {
      key: 'restsOn',
      header: t('rollup.restsOn'),
      numeric: true,
      cell: (k) =>
        t('rollup.restsOnValue', { n: formatCount(k.reporting, i18n.language), of: data.communeCount }),
    },
  ];
  type Commune = Kpi['communes'][number];
  const communeColumns: SimpleColumn<Commune>[] = [
    { key: 'name', header: t('dashboard.agency'), rowHeader: true, cell: (c) => name(c) },
    {
      key: 'value',
      header: t('rollup.value'),
      numeric: true,
      // A reported figure leads to the report it comes from; a computed one (VH-04) to the commune's tasks.
      cell: (c) => (
        <Link
          to={c.submissionId ? `/reports/submissions/${c.submissionId}` : `/tasks?agency=${c.agencyId}`}
          aria-label={t(c.submissionId ? 'rollup.figureSource' : 'rollup.tasksOf', { name: name(c) })}
        >
          {value(c.value)}
        </Link>
      ),
    },
    {
      key: 'fraction',
      header: t('rollup.fraction'),
      numeric: true,
      cell: (c) => `${number(c.numerator)} / ${number(c.denominator)}`,
    },
  ];
  return (
    <section aria-labelledby="rollup-kpis">
      <h2 id="rollup-kpis">{t('rollup.kpisTitle')}</h2>
      <p className="hint">{t('rollup.kpisIntro')}</p>
      {data.kpis.length === 0 ? (
        <p>{t('rollup.noKpis')}</p>
      ) : (
        <>
          <SimpleTable
            caption={t('rollup.kpiCaption')}
            columns={columns}
            rows={data.kpis}
            rowKey={(k) => k.code}
          />
          {data.kpis.map((k) => (
            <details key={k.code} className="rollup__kpi">
              <summary>{t('rollup.communeValuesTitle', { code: k.code, period: k.periodKey })}</summary>
              <SimpleTable
                caption={t('rollup.communeValuesTitle', { code: k.code, period: k.periodKey })}
                columns={communeColumns}
                rows={k.communes}
                rowKey={(c) => c.agencyId}
              />
            </details>
          ))}
        </>
      )}
    </section>
  );
}
