import { describe, expect, it } from 'vitest';
import type { TaskStatus } from '../../../shared/task-status';
import { taskStages } from './task-stage';

const facts = (
  status: TaskStatus,
  completions: string[] = [],
  extensions: string[] = [],
  withdrawn = false,
) => ({
  task: { status, withdrawn },
  completions: completions.map((state) => ({ state })),
  extensions: extensions.map((state) => ({ state })),
});

describe('taskStages', () => {
  it('says a reported completion waits on the leader, then on the Office, though the status still reads in progress', () => {
    expect(taskStages(facts('in_progress', ['awaiting_leader']))).toEqual(['completionAwaitingLeader']);
    expect(taskStages(facts('overdue', ['awaiting_office', 'returned']))).toEqual([
      'completionAwaitingOffice',
    ]);
  });

  it('goes by the newest report only: a returned one means the task is being worked on again', () => {
    expect(taskStages(facts('in_progress', ['returned', 'awaiting_office']))).toEqual(['inProgress']);
  });

  it('names a pending extension too, after the completion wait', () => {
    expect(taskStages(facts('in_progress', ['awaiting_leader'], ['refused', 'pending']))).toEqual([
      'completionAwaitingLeader',
      'extensionPending',
    ]);
    expect(taskStages(facts('no_deadline', [], ['approved']))).toEqual(['inProgress']);
  });

  it('ends with completion or withdrawal, whatever else is on record', () => {
    expect(taskStages(facts('completed_on_time', ['accepted'], ['pending']))).toEqual(['completed']);
    expect(taskStages(facts('completed_late', ['accepted']))).toEqual(['completed']);
    expect(taskStages(facts('in_progress', ['awaiting_leader'], [], true))).toEqual(['withdrawn']);
    expect(taskStages(facts('withdrawn'))).toEqual(['withdrawn']);
  });
});
