/** The orders the task list offers (`tasks.list`'s `sort`), each with the id as the tie-break. */
export const TASK_SORTS = ['deadline', 'createdAt', 'title', 'percent', 'lastUpdate'] as const;
