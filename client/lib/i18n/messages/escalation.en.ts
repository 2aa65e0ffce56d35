import type { escalationVi } from './escalation.vi';

export const escalationEn: typeof escalationVi = {
  escalationAdmin: {
    title: 'Escalation rules',
    link: 'Escalation rules for late tasks',
    intro:
      'These rules are applied to every open task every 15 minutes and just after midnight (Vietnam time). Working days are counted over the holiday calendar. Each step (an explanation request, telling the Office) is taken once per missed deadline.',
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
      overdue: {
        name: 'Red: overdue',
        description: 'A task turns red from the day after its deadline.',
      },
      explanation_after_overdue: {
        name: 'Ask for an explanation automatically',
        description:
          'Once a task has been overdue for the working days below, an explanation request is opened to its lead agency; the agency’s officers and leader are notified.',
      },
      office_after_explanation: {
        name: 'Tell the Government Office’s leadership',
        description:
          'If the task is still overdue the working days below after the explanation step, the Government Office’s users are notified.',
      },
    },
    params: {
      elapsedPercent: 'Time gone at least (%)',
      progressBelow: 'Progress under (%)',
      workingDays: 'Working days overdue',
      answerWorkingDays: 'Working days to answer',
      moreWorkingDays: 'More working days',
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
    steps: {
      explanation:
        '{{at}}: an explanation was requested automatically ({{workingDays}} working days overdue).',
      explanationSkipped:
        '{{at}}: an explanation was due automatically, but one was already in progress on the task.',
      office: '{{at}}: the Government Office was told ({{workingDays}} working days overdue).',
    },
  },
};
