import type { escalationVi } from './escalation.vi';

export const escalationEn: typeof escalationVi = {
  escalationAdmin: {
    title: 'Escalation rules',
    link: 'Escalation rules for late tasks',
    intro:
      'These rules are applied to every open task and every periodic report due, every 15 minutes and just after midnight (Vietnam time). Working days are counted over the holiday calendar. Each step (an explanation request, telling the Office) is taken once per task deadline, or once per agency’s report for a period.',
    subjects: {
      task: 'Tasks',
      report: 'Periodic reports',
    },
    enabled: 'On',
    disabled: 'Off',
    enable: 'Apply this rule',
    save: 'Save rule',
    saving: 'Saving…',
    saved: 'Rule “{{rule}}” saved.',
    lastChange: 'Last changed {{at}} by {{by}}.',
    neverChanged: 'Default settings.',
    rules: {
      half_time_low_progress: {
        name: 'Yellow: part of the time gone with low progress',
        description:
          'A task turns yellow when the share of its time (from assignment to deadline) below has passed while its progress is under the threshold.',
      },
      likely_late: {
        name: 'Yellow: forecast to be late',
        description:
          'A task not yet overdue turns yellow when the early warning forecasts its completion at least the days below after its deadline, or its progress is not moving. The forecast rests on the lead agency’s progress reports of the last 90 days, or on how long completed tasks of the same group took (the task page shows how). A task already yellow for low progress keeps that reason.',
      },
      overdue: {
        name: 'Red: overdue',
        description: 'A task turns red from the day after its deadline.',
      },
      explanation_after_overdue: {
        name: 'Ask for an explanation of an overdue task automatically',
        description:
          'Once a task has been overdue for the working days below, an explanation request is opened to its lead agency; the agency’s officers and leader are notified.',
      },
      office_after_explanation: {
        name: 'Tell the Government Office’s leadership of an overdue task',
        description:
          'If the task is still overdue the working days below after the explanation step, the Government Office’s users are notified.',
      },
      explanation_when_likely_late: {
        name: 'Ask for an explanation of a task at risk automatically',
        description:
          'When the early warning forecasts a task to be late (by the days of the rule “Yellow: forecast to be late”) before its deadline, an explanation request is opened to its lead agency, once per deadline; the agency’s officers and leader are notified. A task with a request still in progress is left alone.',
      },
      explanation_after_missed_report: {
        name: 'Ask for an explanation of a missing report automatically',
        description:
          'When an agency’s periodic report is still not sent the working days below after its deadline, an explanation request is opened to that agency, once per report and period; its officers and leader are notified. A report sent (even late), or already asked about, is left alone.',
      },
      office_after_missed_report: {
        name: 'Tell the Government Office’s leadership of a missing report',
        description:
          'If the report is still not sent, with no explanation accepted, the working days below after the report’s explanation step, the Government Office’s users are notified.',
      },
    },
    params: {
      elapsedPercent: 'Time gone at least (%)',
      progressBelow: 'Progress under (%)',
      workingDays: 'Working days overdue',
      answerWorkingDays: 'Working days to answer',
      moreWorkingDays: 'More working days',
      minDaysLate: 'Forecast late by at least (days)',
    },
    validation: {
      tooSmall: '{{field}} is under the allowed minimum.',
      tooLarge: '{{field}} is over the allowed limit.',
      notAnInteger: '{{field}} must be a whole number.',
    },
    errors: {
      staleVersion:
        'Someone else has just changed this rule. The page now shows the latest settings: check them and save again.',
    },
  },
  taskEscalation: {
    label: 'Escalation',
    levels: { yellow: 'Yellow', red: 'Red' },
    red_one: 'Red since {{since}}: overdue by {{count}} working day (deadline {{deadline}}).',
    red_other: 'Red since {{since}}: overdue by {{count}} working days (deadline {{deadline}}).',
    redToday: 'Red since {{since}}: past its deadline of {{deadline}}.',
    yellow:
      'Yellow since {{since}}: {{elapsed}}% of the time has gone (assigned {{startedOn}}, deadline {{deadline}}) with progress at {{percent}}%, under {{below}}%.',
    likelyLate_one:
      'Yellow since {{since}}: forecast to be about {{count}} day late (likely done {{expectedOn}}, deadline {{deadline}}).',
    likelyLate_other:
      'Yellow since {{since}}: forecast to be about {{count}} days late (likely done {{expectedOn}}, deadline {{deadline}}).',
    likelyLateNotMoving:
      'Yellow since {{since}}: forecast to miss its deadline of {{deadline}}, progress not moving.',
    likelyLateHidden: 'Yellow since {{since}}: forecast to miss its deadline of {{deadline}}.',
    steps: {
      explanation:
        '{{at}}: an explanation was requested automatically ({{workingDays}} working days overdue).',
      explanationSkipped:
        '{{at}}: an explanation was due automatically, but one was already in progress on the task.',
      office: '{{at}}: the Government Office was told ({{workingDays}} working days overdue).',
      atRisk_one:
        '{{at}}: an explanation was requested automatically: forecast to be about {{count}} day late.',
      atRisk_other:
        '{{at}}: an explanation was requested automatically: forecast to be about {{count}} days late.',
      atRiskNotMoving:
        '{{at}}: an explanation was requested automatically: forecast to miss its deadline, progress not moving.',
      atRiskSkipped: '{{at}}: forecast to be late, but an explanation was already in progress on the task.',
    },
  },
  reportEscalation: {
    label: 'Escalation rules',
    explanation:
      'Explanation requested automatically on {{at}}: the report was still not sent {{workingDays}} working days after its deadline of {{deadline}}.',
    explanationSkipped:
      '{{at}}: an explanation was due automatically, but the report had one already or had just been sent.',
    office:
      '{{at}}: the Government Office was told: the report was still not sent {{workingDays}} working days after its deadline of {{deadline}}, with no explanation accepted.',
  },
};
