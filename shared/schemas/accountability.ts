import { z } from 'zod';
import { AGENCY_LEVELS } from '../agencies';
import {
  DEFAULT_ANSWER_WORKING_DAYS,
  EXPLANATION_STATES,
  EXPLANATION_STEPS,
  MAX_ANSWER_WORKING_DAYS,
} from '../explanations';
import { calendarDate } from './dates';
import { positiveId } from './ids';
import { taskFilterInput } from './tasks';

/** Messages are keys the client translates (client/lib/i18n: validation.*). */
const idempotencyKey = z.string().min(8, 'invalid').max(100, 'tooLong');
const text = (max: number) => z.string().trim().min(1, 'required').max(max, 'tooLong');
const workingDays = z
  .number({ error: 'notANumber' })
  .int('notAnInteger')
  .min(1, 'tooSmall')
  .max(MAX_ANSWER_WORKING_DAYS, 'tooLarge')
  .default(DEFAULT_ANSWER_WORKING_DAYS);

/** The most open tasks one reminder of a list may reach: a ministry's overdue work, not the country's. */
export const MAX_REMINDED_AT_ONCE = 1_000;

/** The Office reminds (đôn đốc) the lead agencies of one task or a selection, with a message. */
export const sendReminderInput = z.object({
  taskIds: z.array(positiveId()).min(1, 'required').max(MAX_REMINDED_AT_ONCE, 'tooMany'),
  message: text(2000),
  idempotencyKey,
});
export type SendReminderInput = z.input<typeof sendReminderInput>;
export type SendReminder = z.output<typeof sendReminderInput>;
export const sendReminderResult = z.object({
  /** Tasks reminded by this call (a retry of the same call reminds none again). */
  reminded: z.number(),
  duplicate: z.boolean(),
});

/** The Office reminds every open task of a task list's filter (e.g. every overdue task of a ministry). */
export const remindMatchingInput = z.object({
  filter: taskFilterInput,
  message: text(2000),
  idempotencyKey,
});
export type RemindMatching = z.output<typeof remindMatchingInput>;

/** The Office asks a task's lead agency to explain, answering within a number of working days. */
export const requestExplanationInput = z.object({
  taskId: positiveId(),
  reason: text(2000),
  workingDays,
  idempotencyKey,
});
export type RequestExplanationInput = z.input<typeof requestExplanationInput>;
export type RequestExplanation = z.output<typeof requestExplanationInput>;

/**
 * A report obligation: an agency's report of one regime (the id of any of its versions; the server
 * names the version that collects the period) for one period.
 */
export const reportObligationInput = z.object({
  templateId: positiveId(),
  agencyId: positiveId(),
  periodKey: z.string().trim().min(1, 'required').max(20, 'tooLong'),
});
export type ReportObligationInput = z.input<typeof reportObligationInput>;

/** The Office asks an agency to explain a late or missing report. */
export const requestReportExplanationInput = reportObligationInput.extend({
  reason: text(2000),
  workingDays,
  idempotencyKey,
});
export type RequestReportExplanationInput = z.input<typeof requestReportExplanationInput>;
export type RequestReportExplanation = z.output<typeof requestReportExplanationInput>;

/**
 * The Office reminds the agencies whose report of a regime is missing: of one period or every due one,
 * of the given agencies or every obliged one (one report: one agency and one period).
 */
export const remindReportsInput = z.object({
  templateId: positiveId(),
  periodKey: z.string().trim().min(1).max(20, 'tooLong').optional(),
  agencyIds: z.array(positiveId()).min(1, 'required').max(MAX_REMINDED_AT_ONCE, 'tooMany').optional(),
  message: text(2000),
  idempotencyKey,
});
export type RemindReportsInput = z.input<typeof remindReportsInput>;
export type RemindReports = z.output<typeof remindReportsInput>;

/**
 * Who a reminder of a whole period would reach (the compliance page asks before it sends): the agencies
 * whose report of the regime for that period is missing, of one level or all.
 */
export const reportsToRemindInput = z.object({
  templateId: positiveId(),
  periodKey: z.string().trim().min(1, 'required').max(20, 'tooLong'),
  level: z.enum(AGENCY_LEVELS).optional(),
});
export type ReportsToRemindInput = z.input<typeof reportsToRemindInput>;
export type ReportsToRemind = z.output<typeof reportsToRemindInput>;
export const reportsToRemindResult = z.object({
  /** Ascending; the page sends them in selections of at most `max` (`remindReports`). */
  agencyIds: z.array(z.number()),
  max: z.number(),
});

/** The lead agency's officer answers: why, what it does about it, and the date it now commits to. */
export const answerExplanationInput = z.object({
  id: positiveId(),
  version: positiveId(),
  cause: text(3000),
  remedy: text(3000),
  committedDate: calendarDate(),
});
export type AnswerExplanationInput = z.input<typeof answerExplanationInput>;
export type AnswerExplanation = z.output<typeof answerExplanationInput>;

/**
 * A decision on the answer: the agency's leader approves it or sends it back to the officer; the Office
 * accepts it or asks again (with a new number of working days to answer).
 */
export const decideExplanationInput = z.object({
  id: positiveId(),
  version: positiveId(),
  step: z.enum(['approve', 'sendBack', 'accept', 'askAgain']),
  comment: z.string().trim().max(2000, 'tooLong').default(''),
  workingDays,
});
export type DecideExplanationInput = z.input<typeof decideExplanationInput>;
export type DecideExplanation = z.output<typeof decideExplanationInput>;

export const explanationWriteResult = z.object({
  id: z.number(),
  state: z.enum(EXPLANATION_STATES),
  duplicate: z.boolean(),
});

const person = z.object({ name: z.string(), at: z.date() }).nullable();

export const explanationView = z.object({
  id: z.number(),
  version: z.number(),
  state: z.enum(EXPLANATION_STATES),
  /** The round: 1, then one more each time the Office asks again. */
  round: z.number(),
  automatic: z.boolean(),
  reason: z.string(),
  requestedBy: z.string(),
  requestedAt: z.date(),
  dueDate: z.string(),
  /** Still awaiting the answer after its due date (Vietnam's today). */
  late: z.boolean(),
  cause: z.string().nullable(),
  remedy: z.string().nullable(),
  committedDate: z.string().nullable(),
  answered: person,
  leader: person,
  leaderComment: z.string().nullable(),
  decided: person,
  decisionComment: z.string().nullable(),
  /** What this user may do on it now. */
  allowedSteps: z.array(z.enum(EXPLANATION_STEPS)),
});
export type ExplanationView = z.infer<typeof explanationView>;

/** What the task page shows of a task's accountability: reminders and explanation requests. */
export const taskAccountability = z.object({
  reminders: z.object({
    count: z.number(),
    last: z.object({ at: z.date(), by: z.string(), message: z.string() }).nullable(),
  }),
  explanations: z.array(explanationView),
  /** Whether this user may remind about, or ask for an explanation of, this task now. */
  canRemind: z.boolean(),
  canRequestExplanation: z.boolean(),
});
export type TaskAccountability = z.infer<typeof taskAccountability>;

/** The same of a report obligation, on the compliance page: its reminders and explanation requests. */
export const reportAccountability = taskAccountability;
export type ReportAccountability = TaskAccountability;

const subjectTally = z.object({
  reminders: z.number(),
  lastReminderAt: z.date().nullable(),
  /** Requests not yet accepted; of them awaiting the answer past its date; accepted. */
  explanationsOpen: z.number(),
  explanationsLate: z.number(),
  explanationsAccepted: z.number(),
});

/** An agency's scorecard: the reminders it received and the explanations asked of it, tasks and reports apart. */
export const agencyAccountabilityInput = z.object({ agencyId: positiveId() });
export const agencyAccountability = z.object({ tasks: subjectTally, reports: subjectTally });
export type AgencyAccountability = z.infer<typeof agencyAccountability>;

export const NOTIFICATIONS_PAGE = 30;

export const notificationsPage = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      taskId: z.number().nullable(),
      params: z.record(z.string(), z.unknown()),
      createdAt: z.date(),
      readAt: z.date().nullable(),
    }),
  ),
  unread: z.number(),
});
export type NotificationsPage = z.infer<typeof notificationsPage>;

/** Marks some of the user's notifications read, or all up to the newest they have seen. */
export const markReadInput = z
  .object({
    ids: z.array(positiveId()).min(1).max(100).optional(),
    upTo: positiveId().optional(),
  })
  .refine((v) => (v.ids === undefined) !== (v.upTo === undefined), 'invalid');
export const markReadResult = z.object({ marked: z.number() });
export const taskAccountabilityInput = z.object({ taskId: positiveId() });

/** The dashboard's accountability figures (national), with what they rest on. */
export const accountabilitySummary = z.object({
  asOf: z.date(),
  overdue: z.number(),
  /** Overdue tasks with no accepted explanation. */
  overdueUnexplained: z.number(),
  /** The lead agencies those overdue tasks belong to. */
  overdueAgencies: z.number(),
  explanations: z.object({
    awaitingAnswer: z.number(),
    /** Awaiting the answer past its due date. */
    late: z.number(),
    awaitingLeader: z.number(),
    awaitingOffice: z.number(),
    accepted: z.number(),
  }),
  remindersLast30Days: z.number(),
  /**
   * Periodic reports, by the compliance rule over every active regime: late or missing reports, those
   * of them without an accepted explanation, the agencies owing them; reminders of 30 days and requests
   * in progress about reports (the task figures above count tasks only).
   */
  reports: z.object({
    lateOrMissing: z.number(),
    unexplained: z.number(),
    agencies: z.number(),
    remindersLast30Days: z.number(),
    explanationsOpen: z.number(),
    /** Of those, awaiting the answer past its date. */
    explanationsLate: z.number(),
  }),
});
export type AccountabilitySummary = z.infer<typeof accountabilitySummary>;
