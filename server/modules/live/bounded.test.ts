import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { testConfig } from '../../test/app';
import { createTestDatabase } from '../../test/db';
import { createCallerFactory } from '../../trpc/init';
import { appRouter } from '../../trpc/router';
import { ChangeBus } from './bus';
import { recordChange } from './record';

/** A client that stops reading must not make the server buffer without bound. */
describe('slow or vanished subscribers', () => {
  let database: Database;
  let bus: ChangeBus;

  beforeAll(async () => {
    database = await createTestDatabase();
    bus = new ChangeBus(database);
    await bus.start();
  });
  afterAll(async () => {
    await bus.stop();
    await database.close();
  });

  it('lets a subscriber go once 1,000 events wait for it, and frees its listener', async () => {
    const caller = createCallerFactory(appRouter)({
      config: testConfig(),
      database,
      bus,
      user: {
        id: 1,
        username: 'vpcp',
        fullName: 'x',
        role: 'office',
        agencyId: 1,
        agencyNameVi: 'x',
        agencyNameEn: 'x',
        agencyLevel: 'central',
      },
      sessionToken: null,
      req: {} as never,
      res: {} as never,
    });
    const stream = (await caller.live.changes({})) as AsyncIterable<unknown>;
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next(); // the status message: the subscriber is now registered
    expect(bus.subscriberCount).toBe(1);

    for (let i = 0; i < 1100; i++) {
      await recordChange(database.db, { type: 'task.progress', payload: { taskId: 1, percent: i % 100 } });
    }
    await bus.pull();

    let delivered = 0;
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      delivered++;
    }
    expect(delivered).toBeLessThanOrEqual(1000);
    expect(bus.subscriberCount).toBe(0);
  });
});
