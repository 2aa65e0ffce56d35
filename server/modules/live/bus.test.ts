import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { createTestDatabase } from '../../test/db';
import { ChangeBus } from './bus';
import { recordChange } from './record';

describe('ChangeBus.pull', () => {
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

  it('settles only after delivering what was committed before the call, even with a pass already in flight', async () => {
    const seen: string[] = [];
    const unsubscribe = bus.subscribe((row) => seen.push(row.type));
    // A pass starts (as a NOTIFY would start one) before the write commits, so it cannot see it.
    const inFlight = bus.pull();
    await recordChange(database.db, { type: 'task.created', payload: { taskId: 1 } });
    await bus.pull();
    expect(seen).toContain('task.created');
    await inFlight;
    expect(seen.filter((type) => type === 'task.created')).toHaveLength(1);
    unsubscribe();
  });
});
