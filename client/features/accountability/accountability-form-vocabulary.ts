/**
 * Where the reminder and explanation forms' sentences live: the schema keys of
 * shared/schemas/accountability.ts and the service's reasons (server/modules/accountability).
 */
export const ACCOUNTABILITY_FORM_VOCABULARY = {
  validation: 'accountabilityValidation',
  errors: 'accountabilityErrors',
  conflict: 'accountabilityErrors.staleVersion',
} as const;
