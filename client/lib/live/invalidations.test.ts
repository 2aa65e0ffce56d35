import { QueryClient, type QueryFilters } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import superjson from 'superjson';
import { describe, expect, it, vi } from 'vitest';
import type { AppRouter } from '../../../server/app-router';
import { type CacheChange, cachesAffectedBy, filterKey, invalidateFor, type Viewer } from './invalidations';

const trpc = createTRPCOptionsProxy<AppRouter>({
  client: createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: 'http://localhost/trpc', transformer: superjson })],
  }),
  queryClient: new QueryClient(),
});

const keys = (type: CacheChange['type'], payload = {}) =>
  cachesAffectedBy({ type, payload } as CacheChange, trpc as never).map(filterKey);

describe('which caches a change refreshes', () => {
  it('a progress update refreshes the lists, the aggregates and that task’s detail only', () => {
    const affected = keys('task.progress', { taskId: 7, documentId: 3 });
    expect(affected).toContain(filterKey(trpc.tasks.get.queryFilter({ id: 7 })));
    expect(affected).not.toContain(filterKey(trpc.tasks.get.queryFilter({ id: 8 })));
    expect(affected).toContain(filterKey(trpc.tasks.forecast.queryFilter({ id: 7 })));
    expect(affected).not.toContain(filterKey(trpc.tasks.forecast.queryFilter({ id: 8 })));
    expect(affected).toContain(filterKey(trpc.tasks.dashboard.pathFilter()));
    expect(affected).toContain(filterKey(trpc.tasks.agencyRanking.pathFilter()));
    expect(affected).toContain(filterKey(trpc.tasks.inbox.pathFilter()));
    expect(affected).not.toContain(filterKey(trpc.documents.list.pathFilter()));
    expect(affected).not.toContain(filterKey(trpc.agencies.list.pathFilter()));
  });

  it("a part's change refreshes its parent's page only (the part's own event refreshes the lists)", () => {
    const affected = keys('task.partChanged', { taskId: 7, partTaskId: 9 });
    expect(affected).toContain(filterKey(trpc.tasks.get.queryFilter({ id: 7 })));
    expect(affected).not.toContain(filterKey(trpc.tasks.list.pathFilter()));
    expect(affected).not.toContain(filterKey(trpc.tasks.dashboard.pathFilter()));
  });

  it('a new document refreshes the document list too', () => {
    expect(keys('document.created', { documentId: 3 })).toContain(
      filterKey(trpc.documents.list.pathFilter()),
    );
  });

  it('decisions refresh the monthly report', () => {
    expect(keys('completion.decided', { taskId: 1 })).toContain(filterKey(trpc.reports.monthly.pathFilter()));
    expect(keys('task.progress', { taskId: 1 })).not.toContain(filterKey(trpc.reports.monthly.pathFilter()));
  });

  it('a template or holiday change refreshes the regimes and every list of periods and deadlines', () => {
    const template = keys('template.changed', {
      templateId: 2,
      templateCode: 'BC-NV-THANG',
      templateVersion: 2,
    });
    expect(template).toContain(filterKey(trpc.templates.list.pathFilter()));
    expect(template).toContain(filterKey(trpc.submissions.templates.pathFilter()));
    expect(template).toContain(filterKey(trpc.submissions.mine.pathFilter()));
    expect(template).not.toContain(filterKey(trpc.tasks.list.pathFilter()));
    const holiday = keys('holiday.changed');
    expect(holiday).toContain(filterKey(trpc.holidays.list.pathFilter()));
    expect(holiday).toContain(filterKey(trpc.submissions.compliance.pathFilter()));
    expect(holiday).not.toContain(filterKey(trpc.tasks.list.pathFilter()));
    // KPI periods close on their deadlines, and their obliged agencies follow the regimes.
    expect(holiday).toContain(filterKey(trpc.kpis.pathFilter()));
    expect(template).toContain(filterKey(trpc.kpis.pathFilter()));
  });

  it('a periodic report change refreshes the agency list, compliance and that report only', () => {
    const affected = keys('submission.changed', { submissionId: 12, templateId: 1, periodKey: '2026-M03' });
    expect(affected).toContain(filterKey(trpc.submissions.mine.pathFilter()));
    expect(affected).toContain(filterKey(trpc.submissions.compliance.pathFilter()));
    expect(affected).toContain(filterKey(trpc.submissions.get.queryFilter({ id: 12 })));
    expect(affected).not.toContain(filterKey(trpc.submissions.get.queryFilter({ id: 13 })));
    expect(affected).not.toContain(filterKey(trpc.tasks.dashboard.pathFilter()));
    expect(affected).not.toContain(filterKey(trpc.tasks.agencyRanking.pathFilter()));
    expect(affected).not.toContain(filterKey(trpc.tasks.list.pathFilter()));
  });

  it('task changes leave the periodic reports alone', () => {
    expect(keys('task.progress', { taskId: 1 })).not.toContain(filterKey(trpc.submissions.mine.pathFilter()));
  });

  it('a KPI change refreshes every KPI screen and the submission behind it, and no task list', () => {
    const affected = keys('kpi.changed', { kpiCodes: ['DV-01'], agencyId: 3, submissionId: 12 });
    expect(affected).toContain(filterKey(trpc.kpis.pathFilter()));
    expect(affected).toContain(filterKey(trpc.submissions.get.queryFilter({ id: 12 })));
    expect(affected).toContain(
      filterKey(trpc.audit.forEntity.queryFilter({ entityType: 'submission', entityId: 12 })),
    );
    expect(affected).not.toContain(filterKey(trpc.tasks.list.pathFilter()));
    expect(affected).not.toContain(filterKey(trpc.submissions.mine.pathFilter()));
  });

  it('a periodic report change refreshes the agency’s KPI submissions list but not the KPI figures', () => {
    const affected = keys('submission.changed', { submissionId: 12 });
    expect(affected).toContain(filterKey(trpc.kpis.agencySubmissions.pathFilter()));
    expect(affected).not.toContain(filterKey(trpc.kpis.pathFilter()));
  });

  it('task changes leave the KPIs alone', () => {
    expect(keys('task.progress', { taskId: 1 })).not.toContain(filterKey(trpc.kpis.pathFilter()));
  });

  it('a unit or an account change refreshes the directory or the user list (and its failed logins, and the home counts), nothing else', () => {
    expect(keys('agency.changed')).toEqual([
      filterKey(trpc.agencies.list.pathFilter()),
      filterKey(trpc.agencies.countsByLevel.pathFilter()),
    ]);
    expect(keys('user.changed')).toEqual([
      filterKey(trpc.users.list.pathFilter()),
      filterKey(trpc.users.loginFailures.pathFilter()),
      filterKey(trpc.home.summary.pathFilter()),
    ]);
  });
});

describe('a task change known to concern some agencies', () => {
  // A progress post on task 7 of document 3, led by agency 5 with agency 9 coordinating.
  const change: CacheChange = {
    type: 'task.progress',
    payload: { taskId: 7, documentId: 3, leadAgencyId: 5 },
    agencyIds: [5, 9],
  };

  /** The cached queries a change refreshes, by their inputs, from a cache holding these lists. */
  function refreshedLists(viewer?: Viewer) {
    const queryClient = new QueryClient();
    const inputs = [
      {},
      { agencyId: 5 },
      { agencyId: 9, agencyRole: 'any' as const },
      { agencyId: 7 },
      { documentId: 3 },
      { documentId: 4 },
      { agencyId: 5, documentId: 4 },
    ];
    for (const input of inputs) queryClient.setQueryData(trpc.tasks.list.queryKey(input), null as never);
    queryClient.setQueryData(trpc.tasks.inbox.queryKey({}), null as never);
    queryClient.setQueryData(trpc.home.summary.queryKey(), null as never);
    queryClient.setQueryData(trpc.tasks.dashboard.queryKey(), null as never);
    const hit = new Set<string>();
    for (const filter of cachesAffectedBy(change, trpc as never, viewer)) {
      for (const query of queryClient.getQueryCache().findAll(filter))
        hit.add(JSON.stringify(query.queryKey));
    }
    const list = (input: object) => hit.has(JSON.stringify(trpc.tasks.list.queryKey(input)));
    return {
      lists: inputs.filter(list),
      inbox: hit.has(JSON.stringify(trpc.tasks.inbox.queryKey({}))),
      home: hit.has(JSON.stringify(trpc.home.summary.queryKey())),
      dashboard: hit.has(JSON.stringify(trpc.tasks.dashboard.queryKey())),
    };
  }

  it('refreshes the lists that can show the task: of no agency or one it concerns, of no document or its own', () => {
    expect(refreshedLists().lists).toEqual([
      {},
      { agencyId: 5 },
      { agencyId: 9, agencyRole: 'any' },
      { documentId: 3 },
    ]);
  });

  it('refreshes an agency officer’s inbox and home counts only when it concerns their agency', () => {
    expect(refreshedLists({ agencyId: 7, oversight: false })).toMatchObject({
      inbox: false,
      home: false,
      dashboard: true,
    });
    expect(refreshedLists({ agencyId: 9, oversight: false })).toMatchObject({ inbox: true, home: true });
    // The Office's home counts are national.
    expect(refreshedLists({ agencyId: 1, oversight: true })).toMatchObject({ inbox: true, home: true });
  });

  it('tells apart the same procedure narrowed for different agencies, so a burst keeps each', () => {
    const listKey = (agencyIds: number[]) =>
      cachesAffectedBy({ ...change, agencyIds }, trpc as never)
        .map(filterKey)
        .filter((k) => k.includes('"list"'));
    expect(listKey([5, 9])).toHaveLength(1);
    expect(listKey([6])).not.toEqual(listKey([5, 9]));
  });

  it('a write’s own change (no agencies known) refreshes every list, as before', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(trpc.tasks.list.queryKey({ agencyId: 7 }), null as never);
    const filters = cachesAffectedBy({ type: 'task.progress', payload: { taskId: 7 } }, trpc as never);
    expect(filters.some((f) => queryClient.getQueryCache().findAll(f).length > 0)).toBe(true);
  });
});

describe('a write refreshes through the same map as its live event', () => {
  async function invalidatedBy(change: CacheChange) {
    const queryClient = new QueryClient();
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries').mockResolvedValue();
    await invalidateFor(queryClient, trpc as never, change);
    return invalidate.mock.calls.map(([filter]) => filterKey(filter as QueryFilters));
  }

  it('refreshes exactly the caches the live event would', async () => {
    for (const change of [
      { type: 'task.progress', payload: { taskId: 7, documentId: 3 } },
      { type: 'submission.changed', payload: { submissionId: 12 } },
      { type: 'template.changed', payload: { templateId: 2 } },
      { type: 'holiday.changed' },
      { type: 'agency.changed' },
    ] as CacheChange[]) {
      expect(await invalidatedBy(change)).toEqual(cachesAffectedBy(change, trpc as never).map(filterKey));
    }
  });

  // Each write used to keep its own shorter list: the writer's own screens lagged behind everyone else's.
  it('the administrator who adds a holiday sees the deadlines move at once', async () => {
    const affected = await invalidatedBy({ type: 'holiday.changed' });
    expect(affected).toContain(filterKey(trpc.submissions.compliance.pathFilter()));
    expect(affected).toContain(filterKey(trpc.submissions.mine.pathFilter()));
  });

  it('the Office that decides an extension sees the monthly report and the ranking move at once', async () => {
    const affected = await invalidatedBy({
      type: 'extension.decided',
      payload: { taskId: 1, documentId: 3 },
    });
    expect(affected).toContain(filterKey(trpc.reports.monthly.pathFilter()));
    expect(affected).toContain(filterKey(trpc.tasks.agencyRanking.pathFilter()));
    expect(affected).toContain(filterKey(trpc.documents.get.queryFilter({ id: 3 })));
  });

  it('a new version of a template refreshes every list of periods for its author too', async () => {
    const affected = await invalidatedBy({ type: 'template.changed', payload: { templateId: 2 } });
    expect(affected).toContain(filterKey(trpc.submissions.newForm.pathFilter()));
    expect(affected).toContain(filterKey(trpc.submissions.compliance.pathFilter()));
  });
});
