/** Where a job says what it did and what failed: the server's logger (pino) or nothing in tests. */
export interface JobLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface PeriodicJob {
  /** Resolves when the run in progress, if any, has ended. */
  settled(): Promise<void>;
  /** Aborts the run in progress (its work stops at its next check of the signal); none starts afterwards. */
  stop(): Promise<void>;
}

/**
 * A job of the server process (server/main.ts): a run at once, then one every `intervalMs`. A run still
 * going when the next is due is not doubled, a failed run is logged (`failure` is the message) and the
 * next one tries again, and the timer does not keep the process alive. Each module passes only its work.
 */
export function startPeriodicJob(options: {
  intervalMs: number;
  run: (signal: AbortSignal) => Promise<void>;
  failure: string;
  log?: JobLog | undefined;
}): PeriodicJob {
  const controller = new AbortController();
  let running: Promise<void> | null = null;
  const run = () => {
    if (running || controller.signal.aborted) return;
    let work: Promise<void>;
    try {
      work = options.run(controller.signal);
    } catch (err) {
      work = Promise.reject(err);
    }
    running = work
      .catch((err: unknown) => options.log?.error({ err }, options.failure))
      .finally(() => {
        running = null;
      });
  };
  run();
  const timer = setInterval(run, options.intervalMs);
  timer.unref();
  return {
    async settled() {
      await running;
    },
    async stop() {
      controller.abort();
      clearInterval(timer);
      await running;
    },
  };
}
