import { afterEach, describe, expect, it, vi } from 'vitest';
import { type PeriodicJob, startPeriodicJob } from './periodic-job';

describe('startPeriodicJob', () => {
  let job: PeriodicJob | undefined;
  afterEach(async () => {
    await job?.stop();
    vi.useRealTimers();
  });

  it('runs at once, then every interval, never two runs at a time', async () => {
    vi.useFakeTimers();
    let runs = 0;
    let release: () => void = () => {};
    job = startPeriodicJob({
      intervalMs: 1000,
      failure: 'failed',
      run: () => {
        runs++;
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      },
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toBe(1);
    // Still running when the next two are due: no second run.
    await vi.advanceTimersByTimeAsync(2500);
    expect(runs).toBe(1);
    release();
    await job.settled();
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(2);
    release();
  });

  it('logs a failed run with its message and tries again at the next interval', async () => {
    vi.useFakeTimers();
    const log = { info: vi.fn(), error: vi.fn() };
    let runs = 0;
    job = startPeriodicJob({
      intervalMs: 1000,
      failure: 'the work failed',
      log,
      run: async () => {
        runs++;
        if (runs === 1) throw new Error('boom');
      },
    });
    await job.settled();
    expect(log.error).toHaveBeenCalledWith({ err: expect.any(Error) }, 'the work failed');
    await vi.advanceTimersByTimeAsync(1000);
    await job.settled();
    expect(runs).toBe(2);
    expect(log.error).toHaveBeenCalledTimes(1);
  });

  it('stop aborts the run in progress, waits for it, and starts none afterwards', async () => {
    vi.useFakeTimers();
    let runs = 0;
    let aborted = false;
    job = startPeriodicJob({
      intervalMs: 1000,
      failure: 'failed',
      run: (signal) => {
        runs++;
        return new Promise<void>((resolve) =>
          signal.addEventListener('abort', () => {
            aborted = true;
            resolve();
          }),
        );
      },
    });
    await job.stop();
    expect(aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(5000);
    expect(runs).toBe(1);
  });
});
