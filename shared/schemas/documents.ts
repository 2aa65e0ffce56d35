import { z } from 'zod';
import { positiveId } from './ids';
import { documentHeader, taskListItem } from './tasks';

/** Registering a document is `tasks.createDocument` (shared/schemas/tasks.ts): it assigns tasks. */

export const documentListInput = z.object({
  q: z.string().trim().max(200).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});
export type DocumentListInput = z.input<typeof documentListInput>;
export type DocumentListQuery = z.output<typeof documentListInput>;

export const documentIdInput = z.object({ id: positiveId() });

export const documentListPage = z.object({
  items: z.array(documentHeader.extend({ taskCount: z.number() })),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

/** A directive document with its tasks and their statuses. */
export const documentDetail = z.object({
  document: documentHeader.extend({ createdAt: z.date() }),
  tasks: z.array(taskListItem),
  asOf: z.date(),
});
