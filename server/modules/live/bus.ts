import { asc, gt, sql } from 'drizzle-orm';
import type { ChangeEvent, ChangeType } from '../../../shared/live-events';
import type { Database } from '../../db/client';
import { changeEvents } from '../../db/schema';
import { CHANGE_CHANNEL } from './record';

export type StoredChange = typeof changeEvents.$inferSelect;
type Listener = (change: StoredChange) => void;

export function toChangeEvent(row: StoredChange, withDetail: boolean): ChangeEvent {
  return {
    id: row.id,
    at: row.at,
    type: row.type as ChangeType,
    payload: row.payload as ChangeEvent['payload'],
    agencyIds: row.agencyIds,
    detail: withDetail ? (row.detail as Record<string, unknown> | null) : null,
  };
}

/**
 * One per server process: LISTENs for change notifications (PostgreSQL: on a dedicated connection that
 * postgres.js re-establishes, re-reading what it missed; PGlite: in process), reads the new events from
 * the table in id order, and hands them to this process's subscribers.
 */
export class ChangeBus {
  lastId = 0;
  private readonly listeners = new Set<Listener>();
  private pulling: Promise<void> | null = null;
  private pullAgain = false;
  private stopListening?: () => Promise<void>;

  constructor(private readonly database: Database) {}

  async start(): Promise<void> {
    const [row] = await this.database.db
      .select({ max: sql<number>`coalesce(max(${changeEvents.id}), 0)`.mapWith(Number) })
      .from(changeEvents);
    this.lastId = row?.max ?? 0;
    const onNotify = () => void this.pull();
    if (this.database.pg) {
      const listening = await this.database.pg.listen(CHANGE_CHANNEL, onNotify, onNotify);
      this.stopListening = () => listening.unlisten();
    } else if (this.database.pglite) {
      this.stopListening = await this.database.pglite.listen(CHANGE_CHANNEL, onNotify);
    }
  }

  async stop(): Promise<void> {
    this.listeners.clear();
    await this.stopListening?.().catch(() => undefined);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }

  /**
   * Reads every event after the last one seen; concurrent calls coalesce into one more pass. The
   * promise settles once a pass that began after the call has delivered, so a caller that has just
   * committed a change knows its listeners have seen it (a NOTIFY-triggered pass may be in flight).
   */
  pull(): Promise<void> {
    if (this.pulling) {
      this.pullAgain = true;
      return this.pulling;
    }
    this.pulling = this.drain();
    return this.pulling;
  }

  private async drain(): Promise<void> {
    try {
      do {
        this.pullAgain = false;
        for (;;) {
          const rows = await this.database.db
            .select()
            .from(changeEvents)
            .where(gt(changeEvents.id, this.lastId))
            .orderBy(asc(changeEvents.id))
            .limit(500);
          for (const row of rows) {
            this.lastId = row.id;
            for (const listener of this.listeners) listener(row);
          }
          if (rows.length < 500) break;
        }
      } while (this.pullAgain);
    } catch {
      // The database is away: the next notification, or postgres.js's re-LISTEN, pulls again.
    } finally {
      this.pulling = null;
    }
  }

  /** Events after `afterId`, for a client that reconnects with the last id it saw. */
  async replay(afterId: number, limit = 1000): Promise<StoredChange[]> {
    return this.database.db
      .select()
      .from(changeEvents)
      .where(gt(changeEvents.id, afterId))
      .orderBy(asc(changeEvents.id))
      .limit(limit);
  }
}
