import { createHash } from 'node:crypto';
import { inArray, max } from 'drizzle-orm';
import { LEVEL_LABEL } from '../../../shared/export-labels';
import type { KpiStatus } from '../../../shared/kpi-vocabulary';
import type { ChangeType } from '../../../shared/live-events';
import {
  dictionaryTable,
  OPEN_DATA_DICTIONARY,
  OPEN_DATA_LICENCE,
  type OpenDataTable,
} from '../../../shared/open-data-dictionary';
import { periodName } from '../../../shared/period-names';
import type { PublicKpiDetail, PublicPortal, PublishedKpi } from '../../../shared/schemas/open-data';
import { vietnamDate } from '../../../shared/time';
import type { Db } from '../../db/client';
import { changeEvents } from '../../db/schema';
import { getPublishedAgencyFigures, getPublishedKpis } from '../kpis/service';
import { changeCache, changeMarkOf } from '../live/change-cache';
import { getDashboardCached } from '../tasks/dashboard-cache';

/**
 * The published data (issue 18, ADR 0033): what the public portal and the open-data files show, read
 * by anyone. Built from the KPI service's published figures (accepted, closed periods only) and the
 * dashboard's task tallies, kept until a change that can move them, and every answer rendered once per
 * version with its strong ETag (the body's hash), so a request that finds it kept costs the change
 * mark's index probe and the tallies' version.
 */

export type Lang = 'vi' | 'en';

/** The changes that can move a published KPI figure (the KPI pages' cache uses the same). */
const KPI_CHANGES: readonly ChangeType[] = ['kpi.changed', 'template.changed', 'submission.changed'];

interface KpiPart {
  modified: string;
  kpis: PublishedKpi[];
}
const kpiParts = changeCache<KpiPart>({ maxAgeMs: 60_000, maxEntries: 1 });
const agencyParts = changeCache<PublicKpiDetail['agencies']>({ maxAgeMs: 60_000, maxEntries: 200 });

async function lastKpiChange(db: Db): Promise<Date | null> {
  const [row] = await db
    .select({ at: max(changeEvents.at) })
    .from(changeEvents)
    .where(inArray(changeEvents.type, [...KPI_CHANGES]));
  return row?.at ? new Date(row.at) : null;
}

function kpiPart(db: Db, now: Date): Promise<KpiPart> {
  return kpiParts.get(
    db,
    'kpis',
    changeMarkOf(db, KPI_CHANGES, now),
    async () => {
      const [kpis, changed] = await Promise.all([getPublishedKpis(db, now), lastKpiChange(db)]);
      // Never a change recorded (a fresh database): the start of the day the figures are as of.
      return {
        kpis,
        modified: (changed ?? new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`)).toISOString(),
      };
    },
    now.getTime(),
  );
}

/** The portal's data: the published KPIs and the task groups' progress. */
export interface Published {
  portal: PublicPortal;
}

let lastPublished: { part: KpiPart; tasks: object; value: Published } | null = null;

export async function getPublished(db: Db, now = new Date()): Promise<Published> {
  const [part, dashboard] = await Promise.all([kpiPart(db, now), getDashboardCached(db, now)]);
  // The same two kept values: the same object, so its rendered files (keyed on it) are kept too.
  if (lastPublished && lastPublished.part === part && lastPublished.tasks === dashboard)
    return lastPublished.value;
  const value: Published = {
    portal: {
      modified: part.modified,
      tasksAsOf: dashboard.today,
      kpis: part.kpis,
      taskGroups: dashboard.byGroup.map((g) => ({
        groupNo: g.groupNo,
        nameVi: g.nameVi,
        nameEn: g.nameEn,
        total: Object.values(g.counts).reduce((a, b) => a + b, 0),
        counts: g.counts,
      })),
    },
  };
  lastPublished = { part, tasks: dashboard, value };
  return value;
}

/** One KPI's published figures of every agency (the periods it publishes), kept like the KPIs. */
export async function getPublicKpiDetail(
  db: Db,
  code: string,
  now = new Date(),
): Promise<PublicKpiDetail | null> {
  const { portal } = await getPublished(db, now);
  const kpi = portal.kpis.find((k) => k.code === code);
  if (!kpi) return null;
  const agencies = await agencyParts.get(
    db,
    code,
    changeMarkOf(db, KPI_CHANGES, now),
    () =>
      getPublishedAgencyFigures(
        db,
        code,
        kpi.periods.map((p) => p.periodKey),
      ),
    now.getTime(),
  );
  return { modified: portal.modified, kpi, agencies };
}

// ---- files ----

export interface Rendered {
  body: string;
  type: string;
  etag: string;
}

const renderedBy = new WeakMap<object, Map<string, Rendered>>();

/** A rendering kept with the value it was made from: the same value, the same bytes and ETag. */
export async function renderOnce(
  source: object,
  key: string,
  make: () => Promise<Rendered['body']> | string,
  type: string,
) {
  let kept = renderedBy.get(source);
  if (!kept) {
    kept = new Map();
    renderedBy.set(source, kept);
  }
  const found = kept.get(key);
  if (found) return found;
  const body = await make();
  const rendered = {
    body,
    type,
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`,
  };
  kept.set(key, rendered);
  return rendered;
}

const STATUS: Record<Lang, Record<KpiStatus, string>> = {
  vi: {
    on_track: 'Đúng lộ trình',
    at_risk: 'Có nguy cơ',
    off_track: 'Chệch lộ trình',
    insufficient_data: 'Chưa đủ số liệu',
  },
  en: {
    on_track: 'On track',
    at_risk: 'At risk',
    off_track: 'Off track',
    insufficient_data: 'Insufficient data',
  },
};

export function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  // Names are the only text; a leading formula sign is neutralised as the signed-in exports do.
  const safe = typeof value === 'string' && /^[=+\-@]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** CSV with a BOM (Excel reads UTF-8), the dictionary's headers in the language, the licence last. */
function csv(table: OpenDataTable, lang: Lang, rows: readonly (readonly unknown[])[]): string {
  const header = dictionaryTable(table).columns.map((c) => c.header[lang]);
  const lines = [header, ...rows].map((r) => r.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const round = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
const targetOf = (kpi: PublishedKpi, year: number) => kpi.targets.find((t) => t.year === year)?.value ?? null;
const nameOf = (x: { nameVi: string; nameEn: string }, lang: Lang) => (lang === 'vi' ? x.nameVi : x.nameEn);

/** The national values' rows (one per KPI and published period), as the dictionary orders them. */
function kpiRows(kpis: readonly PublishedKpi[], lang: Lang): unknown[][] {
  return kpis.flatMap((k) =>
    k.periods.map((p) => [
      k.code,
      nameOf(k, lang),
      periodName(p.periodKey, lang),
      p.periodKey,
      p.periodEnd,
      round(p.value),
      p.numerator,
      p.denominator,
      p.agencies,
      p.obliged,
      round(p.coverage),
      p.closesOn,
      round(p.planned),
      targetOf(k, 2027),
      targetOf(k, 2030),
      STATUS[lang][k.status],
    ]),
  );
}

function jsonRecords(table: OpenDataTable, rows: readonly (readonly unknown[])[]) {
  const keys = dictionaryTable(table).columns.map((c) => c.key);
  return rows.map((r) => Object.fromEntries(keys.map((k, i) => [k, r[i] ?? null])));
}

/** A JSON file: the licence and the time of the data beside the records (the dictionary's keys). */
function jsonFile(table: OpenDataTable, modified: string, lang: Lang, rows: readonly (readonly unknown[])[]) {
  return JSON.stringify({
    table,
    title: dictionaryTable(table).title[lang],
    modified,
    language: lang,
    license: OPEN_DATA_LICENCE.url,
    attribution: OPEN_DATA_LICENCE.attribution[lang],
    records: jsonRecords(table, rows),
  });
}

export function nationalFile(published: Published, format: 'csv' | 'json', lang: Lang, code?: string) {
  const kpis = code ? published.portal.kpis.filter((k) => k.code === code) : published.portal.kpis;
  const rows = kpiRows(kpis, lang);
  return format === 'csv' ? csv('kpis', lang, rows) : jsonFile('kpis', published.portal.modified, lang, rows);
}

export function agencyFile(detail: PublicKpiDetail, periodKey: string, format: 'csv' | 'json', lang: Lang) {
  const rows = detail.agencies
    .filter((a) => a.periodKey === periodKey)
    .map((a) => {
      const period = detail.kpi.periods.find((p) => p.periodKey === a.periodKey);
      return [
        detail.kpi.code,
        nameOf(detail.kpi, lang),
        periodName(a.periodKey, lang),
        a.periodKey,
        period?.periodEnd ?? null,
        nameOf(a, lang),
        LEVEL_LABEL[lang][a.level],
        round(a.value),
        a.numerator,
        a.denominator,
      ];
    });
  return format === 'csv'
    ? csv('kpi-agencies', lang, rows)
    : jsonFile('kpi-agencies', detail.modified, lang, rows);
}

export function taskGroupFile(published: Published, format: 'csv' | 'json', lang: Lang) {
  const { portal } = published;
  const rows = portal.taskGroups.map((g) => [
    g.groupNo,
    nameOf(g, lang),
    g.total,
    g.counts.completed_on_time,
    g.counts.completed_late,
    g.counts.in_progress,
    g.counts.overdue,
    g.counts.no_deadline,
    g.counts.withdrawn,
    portal.tasksAsOf,
  ]);
  return format === 'csv'
    ? csv('task-groups', lang, rows)
    : jsonFile('task-groups', portal.modified, lang, rows);
}

export function dictionaryFile(): string {
  return JSON.stringify({ license: OPEN_DATA_LICENCE.url, tables: OPEN_DATA_DICTIONARY });
}

// ---- the DCAT-AP catalogue ----

const PUBLISHER = {
  '@id': 'https://vpcp.chinhphu.vn',
  '@type': 'foaf:Organization',
  'foaf:name': [
    { '@value': 'Văn phòng Chính phủ', '@language': 'vi' },
    { '@value': 'Government Office of Viet Nam', '@language': 'en' },
  ],
};
const LANGUAGES = [
  { '@id': 'http://publications.europa.eu/resource/authority/language/VIE' },
  { '@id': 'http://publications.europa.eu/resource/authority/language/ENG' },
];
const MEDIA = { csv: 'text/csv', json: 'application/json' } as const;

const both = (x: { vi: string; en: string }) => [
  { '@value': x.vi, '@language': 'vi' },
  { '@value': x.en, '@language': 'en' },
];

/** The URLs of the files a dataset has, in both languages and formats. */
export function distributionsOf(
  base: string,
  path: string,
  title: { vi: string; en: string },
  modified: string,
) {
  return (['csv', 'json'] as const).flatMap((format) =>
    (['vi', 'en'] as const).map((lang) => {
      const url = `${base}${path}.${format}${lang === 'en' ? '?lang=en' : ''}`;
      return {
        '@id': url,
        '@type': 'dcat:Distribution',
        'dct:title': { '@value': `${title[lang]} (${format.toUpperCase()})`, '@language': lang },
        'dcat:downloadURL': { '@id': url },
        'dcat:accessURL': { '@id': url },
        'dcat:mediaType': { '@id': `https://www.iana.org/assignments/media-types/${MEDIA[format]}` },
        'dct:format': {
          '@id': `http://publications.europa.eu/resource/authority/file-type/${format.toUpperCase()}`,
        },
        'dct:language': {
          '@id': `http://publications.europa.eu/resource/authority/language/${lang === 'vi' ? 'VIE' : 'ENG'}`,
        },
        'dct:license': { '@id': OPEN_DATA_LICENCE.url },
        'dct:modified': { '@value': modified, '@type': 'xsd:dateTime' },
      };
    }),
  );
}

export function catalogFile(published: Published, publicUrl: string, contactEmail: string): string {
  const base = `${publicUrl}/open-data`;
  const { portal } = published;
  const modified = portal.modified;
  const dataset = (
    id: string,
    title: { vi: string; en: string },
    description: { vi: string; en: string },
    path: string,
    keywords: string[],
  ) => ({
    '@id': `${base}/catalog.jsonld#${id}`,
    '@type': 'dcat:Dataset',
    'dct:identifier': id,
    'dct:title': both(title),
    'dct:description': both(description),
    'dcat:keyword': keywords,
    'dct:publisher': PUBLISHER,
    'dcat:contactPoint': {
      '@type': 'vcard:Organization',
      'vcard:fn': 'Văn phòng Chính phủ — Government Office',
      'vcard:hasEmail': { '@id': `mailto:${contactEmail}` },
    },
    'dct:license': { '@id': OPEN_DATA_LICENCE.url },
    'dct:language': LANGUAGES,
    'dct:modified': { '@value': modified, '@type': 'xsd:dateTime' },
    'dct:accrualPeriodicity': {
      '@id': 'http://publications.europa.eu/resource/authority/frequency/QUARTERLY',
    },
    'dct:spatial': { '@id': 'http://publications.europa.eu/resource/authority/country/VNM' },
    'dcat:landingPage': { '@id': `${publicUrl}/public` },
    'foaf:page': { '@id': `${base}/dictionary.json` },
    'dcat:distribution': distributionsOf(base, path, title, modified),
  });
  const kpisTable = dictionaryTable('kpis');
  const agencyTable = dictionaryTable('kpi-agencies');
  const groupsTable = dictionaryTable('task-groups');
  const datasets = [
    dataset('kpis', kpisTable.title, kpisTable.description, '/kpis', [
      'Chính phủ số',
      'digital government',
      'KPI',
    ]),
    dataset('task-groups', groupsTable.title, groupsTable.description, '/task-groups', [
      'Chính phủ số',
      'nhiệm vụ',
      'tasks',
    ]),
    ...portal.kpis.flatMap((k) => [
      dataset(
        `kpis-${k.code}`,
        { vi: `${k.code} — ${k.nameVi}`, en: `${k.code} — ${k.nameEn}` },
        kpisTable.description,
        `/kpis/${k.code}`,
        ['Chính phủ số', 'KPI', k.code],
      ),
      ...(k.source === 'system'
        ? []
        : k.periods.map((p) =>
            dataset(
              `kpis-${k.code}-${p.periodKey}`,
              {
                vi: `${k.code} — ${agencyTable.title.vi}, ${periodName(p.periodKey, 'vi')}`,
                en: `${k.code} — ${agencyTable.title.en}, ${periodName(p.periodKey, 'en')}`,
              },
              agencyTable.description,
              `/kpis/${k.code}/${p.periodKey}`,
              ['Chính phủ số', 'KPI', k.code, p.periodKey],
            ),
          )),
    ]),
  ];
  return JSON.stringify({
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      vcard: 'http://www.w3.org/2006/vcard/ns#',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
    },
    '@id': `${base}/catalog.jsonld`,
    '@type': 'dcat:Catalog',
    'dct:title': both({
      vi: 'Dữ liệu mở — Chương trình phát triển Chính phủ số (Quyết định 2629/QĐ-TTg)',
      en: 'Open data — Digital Government Development Program (Decision 2629/QĐ-TTg)',
    }),
    'dct:description': both({
      vi: 'Số liệu đã công bố về chỉ tiêu, tiến độ nhiệm vụ của Chương trình: chỉ số liệu đã được tiếp nhận của các kỳ đã kết thúc.',
      en: 'The Program’s published KPI figures and task progress: accepted figures of closed periods only.',
    }),
    'dct:publisher': PUBLISHER,
    'dct:license': { '@id': OPEN_DATA_LICENCE.url },
    'dct:language': LANGUAGES,
    'dct:modified': { '@value': modified, '@type': 'xsd:dateTime' },
    'foaf:homepage': { '@id': `${publicUrl}/public` },
    'dcat:dataset': datasets,
  });
}

// ---- kept between changes ----

/** How long a kept answer is trusted without hearing of a change (the files say `max-age=60` too). */
export const PUBLISHED_MAX_AGE_MS = 60_000;

interface Kept<V> {
  value: Promise<V>;
  at: number;
  day: string;
}

/**
 * The published data as the public routes read it: kept in memory until this process's change bus
 * hears of any change (every process hears every change, ADR 0003), Vietnam's date moves or
 * PUBLISHED_MAX_AGE_MS pass. A request that finds it kept reads nothing from the database: anonymous
 * readers, however many, cost the signed-in users nothing. After a change the next request goes
 * through the narrower caches above, so an unrelated change (a progress post) gives back the same
 * objects, the same renderings and the same ETags.
 */
export function publishedReader(db: Db, onChange: (listener: () => void) => () => void) {
  let portal: Kept<Published> | null = null;
  const details = new Map<string, Kept<PublicKpiDetail | null>>();
  const unsubscribe = onChange(() => {
    portal = null;
    details.clear();
  });
  const fresh = <V>(kept: Kept<V> | null | undefined, now: Date): kept is Kept<V> =>
    Boolean(kept && kept.day === vietnamDate(now) && now.getTime() - kept.at < PUBLISHED_MAX_AGE_MS);
  const keep = <V>(value: Promise<V>, now: Date, forget: () => void): Kept<V> => {
    value.catch(forget);
    return { value, at: now.getTime(), day: vietnamDate(now) };
  };
  return {
    published(now = new Date()): Promise<Published> {
      if (fresh(portal, now)) return portal.value;
      const kept = keep(getPublished(db, now), now, () => {
        if (portal === kept) portal = null;
      });
      portal = kept;
      return kept.value;
    },
    detail(code: string, now = new Date()): Promise<PublicKpiDetail | null> {
      const found = details.get(code);
      if (fresh(found, now)) return found.value;
      const kept = keep(getPublicKpiDetail(db, code, now), now, () => {
        if (details.get(code) === kept) details.delete(code);
      });
      // Only catalogue codes reach here (the route checks the pattern); a few dozen at most.
      details.set(code, kept);
      return kept.value;
    },
    stop: unsubscribe,
  };
}
