/**
 * Client figures (issue 7): the JavaScript each page loads (gzip), from the built client's Vite manifest
 * (the first page: dist/client/index.html's entry and its static imports; each route: that plus its lazy
 * chunk, the chunk's static imports and its Vietnamese message files, `PAGE_MESSAGES`), with a budget
 * of 150 KB for the pages people open first (login, dashboard, task list), and apart what every
 * signed-in page loads beside itself once drawn (the live stream); and Lighthouse performance
 * and accessibility on the dashboard and the task list, signed in as `vpcp`, on the system Chromium.
 *
 *   npx vite build && node --import tsx bench/client.ts [--port=4374] [--skip-lighthouse] [--audits]
 * Alone it starts its own server (embedded PGlite with the demo seed) serving dist/client.
 */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { PAGE_MESSAGES } from '../client/app/page-messages';
import type { PagePath } from '../shared/page-access';
import { type Figure, figure } from './figures';
import { argValue, DEMO_PASSWORD, login, ROOT, startOwnServer } from './own-server';

const DIST = path.join(ROOT, 'dist/client');

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** First-page JavaScript budget (gzip KB) of the pages people open first: issue 14, point 3. */
const FIRST_PAGE_BUDGET_KB = 150;

/**
 * Pages measured: the route's name, its URL, its page in the router (`PAGE_MESSAGES`), the lazy module
 * it loads (null: the entry alone), and whether it is opened first (then it has the budget).
 */
const ROUTES: {
  name: string;
  url: string;
  page: PagePath | null;
  module: string | null;
  first?: true;
  /** The message groups of a page outside the login (not in `PAGE_MESSAGES`). */
  groups?: readonly string[];
}[] = [
  { name: 'login page', url: '/login', page: null, module: null, first: true },
  {
    name: 'public portal (anonymous, issue 18)',
    url: '/public',
    page: null,
    module: 'features/open-data/components/public-portal-page.tsx',
    groups: ['kpis', 'open-data'],
  },
  {
    name: 'overview (home, after login)',
    url: '/',
    page: '/',
    module: 'app/routes/overview-route.tsx',
  },
  {
    name: 'dashboard',
    url: '/dashboard',
    page: '/dashboard',
    module: 'features/dashboard/components/dashboard-page.tsx',
    first: true,
  },
  {
    name: 'task list',
    url: '/tasks',
    page: '/tasks',
    module: 'features/task-list/components/task-list-page.tsx',
    first: true,
  },
  {
    name: 'task detail',
    url: '/tasks/1',
    page: '/tasks/:id',
    module: 'app/routes/task-detail-route.tsx',
  },
  { name: 'inbox', url: '/inbox', page: '/inbox', module: 'features/tasks/components/inbox-page.tsx' },
  {
    name: 'KPI overview',
    url: '/kpis',
    page: '/kpis',
    module: 'features/kpis/components/kpi-overview-page.tsx',
  },
  {
    name: 'KPI detail (charts)',
    url: '/kpis/x',
    page: '/kpis/:code',
    module: 'features/kpis/components/kpi-detail-page.tsx',
  },
  {
    name: 'monthly report',
    url: '/reports/monthly',
    page: '/reports/monthly',
    module: 'features/monthly-report/components/monthly-report-page.tsx',
  },
  {
    name: 'compliance',
    url: '/reports/compliance',
    page: '/reports/compliance',
    module: 'app/routes/compliance-route.tsx',
  },
  {
    name: 'documents',
    url: '/documents',
    page: '/documents',
    module: 'features/documents/components/documents-page.tsx',
  },
  {
    name: 'users (admin)',
    url: '/admin/users',
    page: '/admin/users',
    module: 'features/users/components/users-page.tsx',
  },
  {
    name: 'agencies',
    url: '/agencies',
    page: '/agencies',
    module: 'features/agencies/components/agency-directory.tsx',
  },
];

const gzipKb = (file: string) => gzipSync(readFileSync(path.join(DIST, file))).length / 1024;

/** A chunk and everything it imports statically (what the browser fetches before it runs). */
function staticClosure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  if (into.has(key)) return into;
  into.add(key);
  for (const imported of manifest[key]?.imports ?? []) staticClosure(manifest, imported, into);
  return into;
}

/** Loaded beside every signed-in page once the user is known, not needed to draw it (app/routes). */
const BESIDE_PAGES = { name: 'the live stream', module: 'lib/live/live-stream.tsx' };

export interface BundleReport {
  entryFiles: string[];
  /** What every signed-in page loads alongside itself, not needed to draw it (`BESIDE_PAGES`). */
  beside: { name: string; files: string[]; gzipKb: number };
  routes: {
    name: string;
    url: string;
    module: string | null;
    /** Opened first: the first-page budget applies. */
    first: boolean;
    files: string[];
    gzipKb: number;
    lazyGzipKb: number;
  }[];
}

/** JavaScript per route from the built client (throws when dist/client has no manifest). */
export function measureBundle(): BundleReport {
  const manifestFile = path.join(DIST, '.vite/manifest.json');
  if (!existsSync(manifestFile))
    throw new Error('dist/client/.vite/manifest.json missing: run `npx vite build`');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entryKey) throw new Error('the manifest has no entry');
  const initial = staticClosure(manifest, entryKey);
  // index.html must preload exactly what the entry imports statically, nothing lazy.
  for (const key of initial) {
    const file = manifest[key]?.file ?? '';
    if (!html.includes(file))
      throw new Error(`${file} is a static import of the entry but not in index.html`);
  }
  const filesOf = (keys: Set<string>) =>
    [...keys].map((k) => manifest[k]?.file ?? '').filter((f) => f.endsWith('.js'));
  const entryFiles = filesOf(initial);
  const entryKb = entryFiles.reduce((sum, f) => sum + gzipKb(f), 0);
  const routes = ROUTES.map(({ page, first, groups, ...route }) => {
    const own = new Set<string>();
    if (route.module) {
      if (!manifest[route.module]) throw new Error(`${route.module} is not a chunk of its own`);
      staticClosure(manifest, route.module, own);
    }
    // Its words load with its code (app/router.tsx), in Vietnamese unless English was chosen.
    for (const group of page ? PAGE_MESSAGES[page] : (groups ?? [])) {
      const key = `lib/i18n/messages/${group}.vi.ts`;
      if (!manifest[key]) throw new Error(`${key} is not a chunk of its own`);
      own.add(key);
    }
    const lazy = filesOf(own).filter((f) => !entryFiles.includes(f));
    const lazyKb = lazy.reduce((sum, f) => sum + gzipKb(f), 0);
    return {
      ...route,
      first: first === true,
      files: [...entryFiles, ...lazy],
      gzipKb: entryKb + lazyKb,
      lazyGzipKb: lazyKb,
    };
  });
  if (!manifest[BESIDE_PAGES.module]) throw new Error(`${BESIDE_PAGES.module} is not a chunk of its own`);
  const besideFiles = filesOf(staticClosure(manifest, BESIDE_PAGES.module)).filter(
    (f) => !entryFiles.includes(f),
  );
  const beside = {
    name: BESIDE_PAGES.name,
    files: besideFiles,
    gzipKb: besideFiles.reduce((sum, f) => sum + gzipKb(f), 0),
  };
  return { entryFiles, beside, routes };
}

// ---------------------------------------------------------------------------------------------
// Lighthouse on the dashboard

/** The test command's finder: CHROME_PATH, the system's Chromium, else Debian's package via apt-get. */
async function findChromium(): Promise<string> {
  const { findChromium: find } = await import('../scripts/find-chromium.mjs');
  return find();
}

export interface LighthouseScores {
  performance: number;
  accessibility: number;
  metrics: Record<string, number>;
  failedAudits: { id: string; title: string; score: number | null; items: string[] }[];
  /** Where main-thread time went, for finding what to fix. */
  diagnostics: Record<string, unknown>;
}

/**
 * Lighthouse on one page, signed in as the given cookie: the desktop preset (as a government office
 * works) or Lighthouse's own mobile preset (a mid-range phone on slow 4G, CPU slowed down 4×; civil
 * servants often read on their phones).
 */
export async function runLighthouse(
  url: string,
  cookie: string,
  preset: 'desktop' | 'mobile' = 'desktop',
): Promise<LighthouseScores> {
  const { launch } = await import('chrome-launcher');
  const { default: lighthouse } = await import('lighthouse');
  const chrome = await launch({
    chromePath: await findChromium(),
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, output: 'json', logLevel: 'error', extraHeaders: { cookie } },
      preset === 'mobile'
        ? { extends: 'lighthouse:default', settings: { onlyCategories: ['performance', 'accessibility'] } }
        : {
            extends: 'lighthouse:default',
            settings: {
              onlyCategories: ['performance', 'accessibility'],
              formFactor: 'desktop',
              screenEmulation: {
                mobile: false,
                width: 1350,
                height: 940,
                deviceScaleFactor: 1,
                disabled: false,
              },
              throttling: {
                rttMs: 40,
                throughputKbps: 10240,
                cpuSlowdownMultiplier: 1,
                requestLatencyMs: 0,
                downloadThroughputKbps: 0,
                uploadThroughputKbps: 0,
              },
            },
          },
    );
    const lhr = result?.lhr;
    if (!lhr) throw new Error('Lighthouse returned no result');
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const failedAudits = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative')
      .filter((a) =>
        Object.values(lhr.categories).some((c) => c.auditRefs.some((r) => r.id === a.id && r.weight > 0)),
      )
      .map((a) => ({
        id: a.id,
        title: a.title,
        score: a.score,
        items: (
          (a.details as { items?: { node?: { snippet?: string }; url?: string }[] } | undefined)?.items ?? []
        )
          .slice(0, 5)
          .map((i) => i.node?.snippet ?? i.url ?? ''),
      }));
    const diagnostics: Record<string, unknown> = {};
    for (const id of [
      'bootup-time',
      'mainthread-work-breakdown',
      'long-tasks',
      'uses-text-compression',
      'render-blocking-resources',
      'network-requests',
    ]) {
      const audit = lhr.audits[id];
      const items = (audit?.details as { items?: Record<string, unknown>[] } | undefined)?.items ?? [];
      diagnostics[id] = { displayValue: audit?.displayValue, items: items.slice(0, 12) };
    }
    const metric = (id: string) => Number(lhr.audits[id]?.numericValue ?? Number.NaN);
    return {
      performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
      metrics: {
        fcp: metric('first-contentful-paint'),
        lcp: metric('largest-contentful-paint'),
        tbt: metric('total-blocking-time'),
        cls: metric('cumulative-layout-shift'),
      },
      failedAudits,
      diagnostics,
    };
  } finally {
    chrome.kill();
  }
}

/** The last Lighthouse run's details (failed audits), for `--audits`. */
export let lastLighthouse: LighthouseScores | null = null;

export async function runClientBench(opts: { baseUrl: string; skipLighthouse?: boolean }): Promise<Figure[]> {
  const bundle = measureBundle();
  const figures: Figure[] = [];
  for (const route of bundle.routes) {
    const budget = route.first ? FIRST_PAGE_BUDGET_KB : null;
    if (!route.module) {
      // The entry alone: the login page (budgeted) stands for the overview as well.
      if (route.first)
        figures.push(
          figure('client: first page JavaScript (gzip)', 'KB', route.gzipKb, budget, {
            note: `${route.url}: index.html entry + static imports: ${bundle.entryFiles.map((f) => path.basename(f)).join(', ')}`,
          }),
        );
      continue;
    }
    const own = route.files.filter((f) => !bundle.entryFiles.includes(f)).map((f) => path.basename(f));
    figures.push(
      figure(`client: JavaScript for ${route.name} (gzip)`, 'KB', route.gzipKb, budget, {
        note: `${route.url}: first page + ${route.lazyGzipKb.toFixed(1)} KB of its own (${own.join(', ')})`,
      }),
    );
  }
  figures.push(
    figure(
      `client: JavaScript alongside each signed-in page: ${bundle.beside.name} (gzip)`,
      'KB',
      bundle.beside.gzipKb,
      null,
      {
        note: `loaded once the user is known, alongside the page, which does not wait for it: ${bundle.beside.files.map((f) => path.basename(f)).join(', ')}`,
      },
    ),
  );
  if (opts.skipLighthouse) return figures;
  const cookie = await login(opts.baseUrl, 'vpcp', DEMO_PASSWORD);
  // A loaded machine sometimes loses the trace (NO_NAVSTART): one more try before giving up.
  const scores = await runLighthouse(`${opts.baseUrl}/dashboard`, cookie).catch(() =>
    runLighthouse(`${opts.baseUrl}/dashboard`, cookie),
  );
  lastLighthouse = scores;
  const note = `desktop preset, /dashboard as vpcp; FCP ${Math.round(scores.metrics.fcp ?? 0)} ms, LCP ${Math.round(scores.metrics.lcp ?? 0)} ms, TBT ${Math.round(scores.metrics.tbt ?? 0)} ms, CLS ${(scores.metrics.cls ?? 0).toFixed(3)}`;
  const misses = scores.failedAudits.map((a) => a.id).join(', ');
  figures.push(
    figure('client: Lighthouse performance (dashboard)', 'score', scores.performance, 95, {
      higherIsBetter: true,
      note: misses ? `${note}; below 1: ${misses}` : note,
    }),
    figure('client: Lighthouse accessibility (dashboard)', 'score', scores.accessibility, 100, {
      higherIsBetter: true,
      note,
    }),
  );
  // Mobile: the dashboard (the Office's landing page) and the task list, each the median of three runs
  // (the machine is shared; one run can catch another's load).
  for (const [name, route] of [
    ['dashboard', '/dashboard'],
    ['task list', '/tasks'],
  ] as const) {
    const runs: LighthouseScores[] = [];
    for (let i = 0; i < 3; i++) {
      const run = await runLighthouse(`${opts.baseUrl}${route}`, cookie, 'mobile').catch(() =>
        runLighthouse(`${opts.baseUrl}${route}`, cookie, 'mobile'),
      );
      const r = run.metrics;
      console.log(
        `  Lighthouse mobile ${route}, run ${i + 1}: ${run.performance} (FCP ${Math.round(r.fcp ?? 0)} ms, LCP ${Math.round(r.lcp ?? 0)} ms, TBT ${Math.round(r.tbt ?? 0)} ms; load average ${os.loadavg()[0]?.toFixed(1)})`,
      );
      runs.push(run);
    }
    runs.sort((a, b) => a.performance - b.performance);
    const median = runs[1] as LighthouseScores;
    mobileLighthouse[name] = median;
    const m = median.metrics;
    figures.push(
      figure(`client: Lighthouse mobile performance (${name})`, 'score', median.performance, 90, {
        higherIsBetter: true,
        note: `mobile preset (slow 4G, 4× CPU), ${route} as vpcp, median of ${runs.map((r) => r.performance).join('/')}; FCP ${Math.round(m.fcp ?? 0)} ms, LCP ${Math.round(m.lcp ?? 0)} ms, TBT ${Math.round(m.tbt ?? 0)} ms, CLS ${(m.cls ?? 0).toFixed(3)}`,
      }),
    );
  }
  return figures;
}

/** The mobile runs' details, for `--audits`. */
export const mobileLighthouse: Record<string, LighthouseScores> = {};

if (import.meta.url === `file://${process.argv[1]}`) {
  const skipLighthouse = process.argv.includes('--skip-lighthouse');
  const port = Number(argValue('port') ?? 4374);
  const server = skipLighthouse ? null : await startOwnServer(port);
  try {
    const report = measureBundle();
    console.log('JavaScript per route (gzip KB; own: the page chunks and message files):');
    console.table(
      report.routes.map((r) => ({
        route: r.name,
        url: r.url,
        total: +r.gzipKb.toFixed(1),
        own: +r.lazyGzipKb.toFixed(1),
        budget: r.first ? FIRST_PAGE_BUDGET_KB : '',
        pass: r.first ? r.gzipKb <= FIRST_PAGE_BUDGET_KB : '',
      })),
    );
    console.log(
      `Alongside every signed-in page, not needed to draw it: ${report.beside.name}, ${report.beside.gzipKb.toFixed(1)} KB.`,
    );
    const figures = await runClientBench({ baseUrl: server?.base ?? '', skipLighthouse });
    console.table(
      figures.map(({ name, unit, value, budget, pass }) => ({ name, unit, value, budget, pass })),
    );
    if (process.argv.includes('--audits'))
      console.log(JSON.stringify({ desktop: lastLighthouse, mobile: mobileLighthouse }, null, 2));
  } finally {
    await server?.stop();
  }
}
