import type { Database } from '../db/client';
import { type JobDefinition, type JobLog, startJobQueue } from '../jobs/queue';

/**
 * Starts the job queue on `database` with `jobs`, as the server does, waits until each one's run at
 * start has ended, and stops the queue: what a server start does with them, in a test.
 */
export async function runAtStart(database: Database, jobs: JobDefinition[], log?: JobLog): Promise<void> {
  const ended: Promise<void>[] = [];
  const watched = jobs.map((job) => {
    let end: () => void = () => {};
    ended.push(
      new Promise<void>((resolve) => {
        end = resolve;
      }),
    );
    return {
      ...job,
      run: async (...args: Parameters<JobDefinition['run']>) => {
        try {
          await job.run(...args);
        } finally {
          end();
        }
      },
    };
  });
  const queue = await startJobQueue(database, { jobs: watched, log, pollingIntervalSeconds: 0.5 });
  try {
    await Promise.all(ended);
  } finally {
    await queue.stop();
  }
}
