/** Where the task forms' sentences live: schema keys of shared/schemas/tasks.ts and the service's reasons. */
export const TASK_FORM_VOCABULARY = {
  validation: 'taskValidation',
  errors: 'taskErrors',
  conflict: 'taskErrors.staleVersion',
} as const;
