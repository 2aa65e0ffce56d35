import type { RouterOutputs } from '../../lib/trpc';

type Detail = RouterOutputs['tasks']['get'];
type Progress = Detail['progress'][number];
type Extension = Detail['extensions'][number];
type Completion = Detail['completions'][number];

/** One line of a task's history; several can come from one record (a request, then its decision). */
export type TimelineEntry =
  | { key: string; at: Date; type: 'progress'; item: Progress }
  | { key: string; at: Date; type: 'extensionRequested'; item: Extension }
  | { key: string; at: Date; type: 'extensionDecided'; item: Extension }
  | { key: string; at: Date; type: 'completionReported'; item: Completion }
  | { key: string; at: Date; type: 'completionLeader'; item: Completion }
  | { key: string; at: Date; type: 'completionOffice'; item: Completion };

type Sources = Pick<Detail, 'progress' | 'extensions' | 'completions'>;

/** Progress, contributions, extension requests and decisions, completion reports and reviews: newest first. */
export function buildTimeline({ progress, extensions, completions }: Sources): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const item of progress)
    entries.push({ key: `p${item.id}`, at: item.createdAt, type: 'progress', item });
  for (const item of extensions) {
    entries.push({ key: `e${item.id}`, at: item.createdAt, type: 'extensionRequested', item });
    if (item.decidedAt && item.state !== 'pending') {
      entries.push({ key: `e${item.id}d`, at: item.decidedAt, type: 'extensionDecided', item });
    }
  }
  for (const item of completions) {
    entries.push({ key: `c${item.id}`, at: item.createdAt, type: 'completionReported', item });
    if (item.leaderAt)
      entries.push({ key: `c${item.id}l`, at: item.leaderAt, type: 'completionLeader', item });
    if (item.reviewedAt) {
      entries.push({ key: `c${item.id}o`, at: item.reviewedAt, type: 'completionOffice', item });
    }
  }
  // Equal times keep a stable order: the later-created step (decision after request) first.
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => b.entry.at.getTime() - a.entry.at.getTime() || b.index - a.index)
    .map(({ entry }) => entry);
}
