import { z } from 'zod';

const periodKey = z.string().regex(/^\d{4}-(M(0[1-9]|1[0-2])|Q[1-4]|H1|9M|Y)$/, 'invalidPeriod');
const values = z.record(z.string().max(100), z.union([z.number(), z.string().max(5000), z.null()]));

export const saveDraftInput = z.object({
  templateId: z.number().int().positive(),
  periodKey,
  values,
  /** The submission's version the form was loaded with; absent for a first save. */
  version: z.number().int().positive().optional(),
});
export type SaveDraftInput = z.input<typeof saveDraftInput>;

export const submissionActionInput = z.object({
  id: z.number().int().positive(),
  version: z.number().int().positive(),
});

export const submissionDecisionInput = submissionActionInput
  .extend({
    decision: z.enum(['accept', 'return']),
    comment: z.string().trim().max(2000, 'tooLong').default(''),
  })
  .refine((v) => v.decision !== 'return' || v.comment.length > 0, {
    message: 'commentRequired',
    path: ['comment'],
  });
export type SubmissionDecisionInput = z.input<typeof submissionDecisionInput>;

export const reopenSubmissionInput = submissionActionInput.extend({
  reason: z.string().trim().min(1, 'required').max(2000, 'tooLong'),
});

export const complianceInput = z.object({
  templateId: z.number().int().positive(),
  /** Periods whose cut-off falls from this date on (default: the template's first period). */
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  level: z.enum(['central', 'provincial', 'commune']).optional(),
});
export type ComplianceInput = z.input<typeof complianceInput>;

export { periodKey };

export const holidayInput = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalidDate'),
  nameVi: z.string().trim().min(1, 'required').max(200, 'tooLong'),
  nameEn: z.string().trim().min(1, 'required').max(200, 'tooLong'),
});
export type HolidayInput = z.input<typeof holidayInput>;
