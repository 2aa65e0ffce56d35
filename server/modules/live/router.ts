import { tracked } from '@trpc/server';
import { z } from 'zod';
import type { LiveMessage } from '../../../shared/live-events';
import { authedProcedure, router } from '../../trpc/init';
import type { StoredChange } from './bus';
import { canSeeDetail, changeMessage } from './hub';

const STATUS_INTERVAL_MS = 10_000;
/** A subscriber this far behind is let go; it reconnects with its last id and replays from the table. */
const MAX_QUEUED = 1000;

export const liveChangesInput = z.object({ lastEventId: z.string().regex(/^\d+$/).nullish() }).optional();

/** One database ping answers every subscriber's status tick within a second (not one ping each). */
const pings = new WeakMap<object, { at: number; up: Promise<boolean> }>();
function sharedPing(database: { ping(): Promise<boolean> }): Promise<boolean> {
  const cached = pings.get(database);
  if (cached && Date.now() - cached.at < 1000) return cached.up;
  const up = database.ping();
  pings.set(database, { at: Date.now(), up });
  return up;
}

export const liveRouter = router({
  /**
   * The page's one live stream: every change (detail only where the user may read it) and the server's
   * status. A client that reconnects sends the last id it saw and gets everything after it, in order.
   * Over HTTP a signed-in client is served by `LiveHub` instead (`hub.ts`, the default, LIVE_FANOUT=hub:
   * same wire format, one encoding per audience for many subscribers); this generator serves
   * LIVE_FANOUT=trpc, server-side callers and the types.
   */
  changes: authedProcedure.input(liveChangesInput).subscription(async function* ({ ctx, input, signal }) {
    const { bus, user } = ctx;
    const queue: StoredChange[] = [];
    let overflow = false;
    let wake: (() => void) | undefined;
    const unsubscribe = bus.subscribe((row) => {
      if (queue.length >= MAX_QUEUED) overflow = true;
      else queue.push(row);
      wake?.();
    });
    const message = (row: StoredChange): LiveMessage => changeMessage(row, canSeeDetail(user, row));
    const status = async (): Promise<LiveMessage> => ({
      kind: 'status',
      database: (await sharedPing(ctx.database)) ? 'up' : 'down',
      at: new Date(),
    });
    try {
      let last = input?.lastEventId ? Number(input.lastEventId) : bus.lastId;
      if (input?.lastEventId) {
        for (let batch = await bus.replay(last); batch.length > 0; batch = await bus.replay(last)) {
          for (const row of batch) {
            last = row.id;
            yield tracked(String(row.id), message(row));
          }
        }
      }
      yield tracked(String(last), await status());
      while (!signal?.aborted) {
        if (overflow) return;
        let row = queue.shift();
        while (row) {
          if (row.id > last) {
            last = row.id;
            yield tracked(String(row.id), message(row));
          }
          row = queue.shift();
        }
        let timer: NodeJS.Timeout | undefined;
        let onAbort: (() => void) | undefined;
        const reason = await new Promise<'event' | 'tick' | 'aborted'>((resolve) => {
          wake = () => resolve('event');
          timer = setTimeout(() => resolve('tick'), STATUS_INTERVAL_MS);
          onAbort = () => resolve('aborted');
          signal?.addEventListener('abort', onAbort, { once: true });
          if (signal?.aborted) resolve('aborted');
        });
        clearTimeout(timer);
        if (onAbort) signal?.removeEventListener('abort', onAbort);
        wake = undefined;
        if (reason === 'tick') yield tracked(String(last), await status());
      }
    } finally {
      unsubscribe();
    }
  }),
});
