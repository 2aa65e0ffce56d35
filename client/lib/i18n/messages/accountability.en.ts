import type { accountabilityVi } from './accountability.vi';

export const accountabilityEn: typeof accountabilityVi = {
  accountability: {
    title: 'Reminders and explanations',
    reportSubject: 'The report of {{agency}}, {{period}}',
    agencyTitle: 'Reminders and explanations',
    agencyCaption:
      'Reminders the agency received and explanations asked of it, for tasks and periodic reports',
    agencySubject: 'About',
    agencyReminders: 'Reminders',
    agencyLastReminder: 'Last reminder',
    agencyOpen: 'Explanation requests in progress',
    agencyLate: 'Of which past their date',
    agencyAccepted: 'Explanations accepted',
    agencyTasks: 'Tasks',
    agencyReports: 'Periodic reports',
    reminded_one: 'Reminded {{count}} time, last on {{date}} ({{name}}): {{message}}',
    reminded_other: 'Reminded {{count}} times, last on {{date}} ({{name}}): {{message}}',
    neverReminded: 'Not reminded yet.',
    explanations: 'Explanation requests',
    noExplanations: 'No explanation has been requested.',
    requestTitle: 'Explanation requested on {{date}}',
    round: 'Round {{round}}',
    states: {
      awaiting_answer: 'Awaiting the agency’s explanation',
      awaiting_leader: 'Awaiting the agency leader’s approval',
      awaiting_office: 'Awaiting the Government Office’s review',
      accepted: 'Accepted',
    },
    late: 'Explanation overdue',
    automatic: 'Requested automatically by the reminder rules',
    reason: 'Reason for the request: {{reason}}',
    requestedBy: 'Requested by {{name}} at {{at}}',
    dueDate: 'Explanation due: {{date}}',
    answer: 'The explanation',
    cause: 'Cause: {{text}}',
    remedy: 'Remedy: {{text}}',
    committedDate: 'Committed completion date: {{date}}',
    answeredBy: 'Explained by {{name}} at {{at}}',
    notAnswered: 'The lead agency has not sent its explanation yet.',
    leaderApproved: 'Approved by the agency leader {{name}} at {{at}}',
    leaderSentBack: 'Sent back by the agency leader {{name}} at {{at}}',
    officeAccepted: 'Accepted by the Government Office ({{name}}) at {{at}}',
    officeAskedAgain: 'The Government Office ({{name}}) asked again at {{at}}',
    comment: 'Comment: {{comment}}',
    done: {
      reminded: 'Reminder sent.',
      requested: 'Explanation requested.',
      answered: 'Explanation sent.',
      approved: 'Explanation approved and sent to the Government Office.',
      sentBack: 'Explanation sent back to the officer.',
      accepted: 'Explanation accepted.',
      askedAgain: 'The agency has been asked to explain again.',
    },
    next: {
      reminded: 'The lead agency’s officers and leader have been notified with the message.',
      awaiting_answer:
        'Next: an officer of the lead agency explains by the end of {{date}}, the agency leader approves, then the Government Office reviews.',
      awaiting_leader:
        'Next: the lead agency’s leader approves the explanation or sends it back to the officer.',
      awaiting_office: 'Next: the Government Office accepts the explanation or asks again.',
      accepted: 'The explanation request is closed; nothing more to do.',
    },
  },
  accountabilityForms: {
    remindTitle: 'Remind',
    remindIntro: 'The lead agency’s officers and leader are notified with this message.',
    remindReportIntro:
      'The officers and leader of the agency whose report is missing are notified with this message.',
    message: 'Message',
    sendReminder: 'Send reminder',
    requestTitle: 'Request an explanation',
    requestIntro:
      'The lead agency explains the cause, the remedy and the date it commits to; its leader approves before it goes to the Government Office.',
    requestReportIntro:
      'The agency explains why its report is late or missing, what it does about it and the date it commits to send it; its leader approves before it goes to the Government Office.',
    reason: 'Reason for the explanation request',
    workingDays: 'Working days to explain',
    workingDaysHint: 'A whole number from 1 to 30, 5 by default; holidays are not counted.',
    sendRequest: 'Send explanation request',
    answerTitle: 'Explain',
    cause: 'Cause',
    remedy: 'Remedy',
    committedDate: 'Committed completion date',
    sendAnswer: 'Send explanation',
    leaderTitle: 'Leader’s approval of the explanation',
    approve: 'Approve explanation',
    sendBack: 'Send explanation back',
    leaderCommentHint: 'Required when sending the explanation back.',
    officeTitle: 'Review the explanation',
    accept: 'Accept explanation',
    askAgain: 'Ask to explain again',
    officeCommentHint: 'Required when asking to explain again.',
    askAgainDays: 'Working days to explain again',
    askAgainDaysHint: 'Used only when asking again: a whole number from 1 to 30, 5 by default.',
    comment: 'Comment',
    sending: 'Sending…',
  },
  accountabilityErrors: {
    staleVersion: 'Someone else has changed this explanation request. Reload to see the latest version.',
    dateInPast: 'The committed completion date cannot be before today.',
    taskClosed: 'The task is completed or withdrawn: it can no longer be reminded of or explained.',
    explanationOpen: 'This task or report already has an explanation request in progress.',
    reportNotLate:
      'This report was sent on time or is not yet due: only a late report, or one missing past its deadline, can be asked about.',
    nothingToRemind: 'No report past its deadline is missing here: nothing to remind.',
    idempotencyKeyReused: 'This resubmission reuses the key of a different request; please reload the page.',
  },
  accountabilityValidation: {
    workingDays: '{{field}} must be a whole number from 1 to 30, for example 5.',
    commentRequired: 'Please enter a comment so the agency knows what to add to its explanation.',
  },
  /** The compliance page: the Office reminds every agency whose report of a period is missing. */
  periodReminder: {
    title: 'Remind the whole period',
    intro:
      'Sends one reminder to every agency whose report for the chosen period is missing past its deadline; reports already sent, even late, are not reminded. Before sending, you are told how many agencies will receive it.',
    levelNote: 'As the level filter is set, only these agencies are reminded: {{level}}.',
    period: 'Reporting period',
    noDuePeriod: 'No reporting period is past its deadline yet: nothing to remind.',
    message: 'Reminder',
    check: 'Remind agencies not yet reporting',
    checking: 'Counting agencies…',
    confirmTitle: 'Confirm the reminder for the whole period',
    confirm_one:
      'The reminder will be sent to {{formatted}} agency that has not sent its report for {{period, periodInSentence}}.',
    confirm_other:
      'The reminder will be sent to {{formatted}} agencies that have not sent their report for {{period, periodInSentence}}.',
    batches: 'At most {{max}} agencies are reminded at once: it is sent in {{batches}} consecutive batches.',
    quoted: 'Reminder: “{{message}}”',
    send: 'Send reminder',
    sending: 'Sending…',
    cancel: 'Cancel',
    done: 'Reminded {{formatted}} agencies.',
    partial:
      'Reminded {{formatted}} agencies; the others have not been reminded yet. Press “Send reminder” to continue.',
    validation: {},
    errors: {
      noneMissing: 'No agency is missing its report for this period: there is no one to remind.',
      nothingToRemind:
        'The agencies sent their reports while you were confirming: there is no one left to remind.',
      tooManyToRemind: 'At most 1,000 agencies can be reminded at once; reload the page and send again.',
    },
  },
  notificationCentre: {
    title: 'Notifications',
    intro:
      'The latest notifications about tasks: reminders, explanation requests and their outcomes. Open a notification to go to its task; opened notifications are marked as read.',
    unread_one: '{{count}} unread notification.',
    unread_other: '{{count}} unread notifications.',
    allRead: 'No unread notifications.',
    markAllRead: 'Mark all as read',
    marking: 'Marking…',
    empty: 'No notifications yet.',
    listLabel: 'Latest notifications',
    unreadTag: 'Unread',
    newest: 'Showing the {{count}} latest notifications.',
    sentences: {
      reminder: 'The Government Office reminds you of the task “{{title}}”: {{message}}',
      explanationRequested:
        'The Government Office asks for an explanation of the task “{{title}}”, due {{dueDate}}.',
      explanationAnswered:
        'An officer has explained the task “{{title}}”, committing to complete it by {{committedDate}}; awaiting the agency leader’s approval.',
      explanationApproved:
        'The lead agency’s leader has approved the explanation of the task “{{title}}”; awaiting the Government Office’s review.',
      explanationSentBack: 'The agency leader sent back the explanation of the task “{{title}}”: {{comment}}',
      explanationAccepted: 'The Government Office has accepted the explanation of the task “{{title}}”.',
      explanationAskedAgain:
        'The Government Office asks for a new explanation of the task “{{title}}”, due {{dueDate}}: {{comment}}',
      escalationOffice:
        'Task “{{title}}” is overdue by {{workingDays}} working days (deadline {{dueDate}}) after an explanation was asked: for the Government Office’s leadership.',
      other: 'There is an update on the task “{{title}}”.',
    },
    reportSentences: {
      reminder: 'The Government Office reminds you to send the report “{{title}}”: {{message}}',
      explanationRequested:
        'The Government Office asks for an explanation of the late or missing report “{{title}}”, due {{dueDate}}.',
      explanationAnswered:
        'An officer answered about the report “{{title}}”, committing to send it on {{committedDate}}; awaiting the agency leader.',
      explanationApproved:
        'The agency leader approved the explanation of the report “{{title}}”; awaiting the Government Office.',
      explanationSentBack:
        'The agency leader sent back the explanation of the report “{{title}}”: {{comment}}',
      explanationAccepted: 'The Government Office accepted the explanation of the report “{{title}}”.',
      explanationAskedAgain:
        'The Government Office asks again for an explanation of the report “{{title}}”, due {{dueDate}}: {{comment}}',
      escalationOffice:
        'The report “{{title}}” of {{agency}} is still not sent {{workingDays}} working days after its deadline of {{dueDate}}, with no explanation accepted: for the Government Office’s leadership.',
      other: 'There is an update on the report “{{title}}”.',
    },
  },
};
