import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRefreshThrottle, type ThrottledQuery } from './refresh-throttle';

const query = (name: string): ThrottledQuery => ({ queryHash: name, queryKey: [name] });

describe('the live refresh throttle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function setUp() {
    const refreshed: string[] = [];
    const throttle = createRefreshThrottle({
      minIntervalMs: 1000,
      refresh: (q) => refreshed.push(q.queryHash),
    });
    return { refreshed, throttle };
  }

  it('refreshes a query at once the first time', () => {
    const { refreshed, throttle } = setUp();
    throttle.request([query('list'), query('dashboard')]);
    expect(refreshed).toEqual(['list', 'dashboard']);
  });

  it('under twenty changes a second refreshes each query at most once a second, the last change included', async () => {
    const times: number[] = [];
    const throttle = createRefreshThrottle({
      minIntervalMs: 1000,
      refresh: (q) => {
        if (q.queryHash === 'list') times.push(Date.now());
      },
    });
    const start = Date.now();
    // Five seconds of changes, one every 50 ms, each touching the list and the dashboard.
    let lastChange = start;
    for (let t = 0; t < 5000; t += 50) {
      lastChange = Date.now();
      throttle.request([query('list'), query('dashboard')]);
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(5000);
    // 100 changes, 6 refreshes: never two within a second.
    expect(times.length).toBeLessThanOrEqual(6);
    for (let i = 1; i < times.length; i++)
      expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(1000);
    // The last change is shown: a refresh came after it, within a second.
    const last = times.at(-1) ?? 0;
    expect(last).toBeGreaterThanOrEqual(lastChange);
    expect(last - lastChange).toBeLessThanOrEqual(1000);
  });

  it('times each query on its own: a query not refreshed lately is not held back by another', async () => {
    const { refreshed, throttle } = setUp();
    throttle.request([query('list')]);
    await vi.advanceTimersByTimeAsync(100);
    throttle.request([query('list'), query('task-7')]);
    expect(refreshed).toEqual(['list', 'task-7']);
    await vi.advanceTimersByTimeAsync(900);
    expect(refreshed).toEqual(['list', 'task-7', 'list']);
  });

  it('stop cancels the refreshes still waiting', async () => {
    const { refreshed, throttle } = setUp();
    throttle.request([query('list')]);
    throttle.request([query('list')]);
    throttle.stop();
    await vi.advanceTimersByTimeAsync(2000);
    expect(refreshed).toEqual(['list']);
  });
});
