import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Change events, written in the transaction of the change and announced with NOTIFY, so every server
 * process learns of every change, and a client that reconnects replays what it missed from here.
 * `payload` may go to every user; `detail` only to oversight roles and the agencies in `agency_ids`.
 */
export const changeEvents = pgTable(
  'change_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    type: text('type').notNull(),
    taskId: integer('task_id'),
    documentId: integer('document_id'),
    agencyIds: integer('agency_ids').array().notNull().default([]),
    payload: jsonb('payload').notNull(),
    detail: jsonb('detail'),
  },
  (t) => [
    index('change_events_at_idx').on(t.at),
    // The latest event of a type in one index probe: the KPI caches are keyed on it.
    index('change_events_type_idx').on(t.type, t.id),
    // A task's latest event in one index probe: its detail's cache is keyed on it.
    index('change_events_task_idx').on(t.taskId, t.id),
  ],
);
