import type { commonVi } from './common.vi';

export const commonEn: typeof commonVi = {
  app: {
    name: 'Digital Government Program Monitor',
    skipToContent: 'Skip to main content',
    loading: 'Loading…',
  },
  language: {
    switchTo: 'Tiếng Việt',
    switchLabel: 'Switch the language to Vietnamese',
    switchAccountLabel: 'Switch the language to Vietnamese, for the interface and your mails',
  },
  roles: {
    admin: 'Administrator',
    office: 'Government Office',
    officer: 'Agency officer',
    leader: 'Agency leader',
    inspector: 'Inspector',
  },
  roleDescriptions: {
    admin: 'You run the system: agencies, users and roles, report templates and KPI definitions.',
    office:
      'You work for the Government Office: register directive documents and assign their tasks, choose the lead and coordinating agencies and the deadline; approve deadline extensions; accept or return reported completions; watch the national dashboard live, rank agencies and export the monthly monitoring report.',
    officer:
      "You are an agency officer: see your own agency's tasks first, open work first, soonest deadline first; post progress (percent, narrative, evidence); ask for an extension; report completion and fill in your agency's periodic reports.",
    leader:
      "You lead an agency: approve (sign off) your agency's periodic reports and completion reports before they go to the Government Office.",
    inspector:
      'You are an inspector: read-only everywhere; drill from a national KPI to agencies, to the submissions that carry the figures, and to who changed what and when; check that the audit trail is intact.',
  },
  levels: {
    central: 'Central',
    provincial: 'Provincial',
    department: 'Provincial department',
    commune: 'Commune level',
  },
  kinds: {
    ministry: 'Ministry',
    ministry_level: 'Ministry-level agency',
    government_agency: 'Government agency',
    city: 'Centrally-run city',
    province: 'Province',
    commune: 'Commune',
    ward: 'Ward',
    special_zone: 'Special zone',
    department: 'Provincial department',
  },
  validation: {
    required: 'Please enter the {{field}}.',
    choose: 'Please choose the {{field}}.',
    tooLong: '{{field}} is too long.',
    invalid: '{{field}} is not valid.',
    notANumber: '{{field}} must be a number.',
    invalidDate: '{{field}} must be a date that exists, as dd/mm/yyyy, for example 31/12/2026.',
    invalidCharacter: '{{field}} contains a character that cannot be saved (NUL). Please remove it.',
    ambiguous:
      '{{field}} is written the other way: in English a comma separates thousands and a point marks the decimals (for example 1,234.5).',
    summaryTitle: 'There is a problem',
    fixErrors: 'Please correct the marked fields.',
    requiredFieldsIntro: 'Fields marked * are required.',
    dateFormat: 'Enter a date that exists, as dd/mm/yyyy, for example 31/12/2026.',
    monthPart: 'Month',
    yearPart: 'Year',
    chooseFile: 'Choose file',
    noFileChosen: 'No file chosen',
    dateHint: 'As dd/mm/yyyy, for example 31/12/2026.',
    passwordTooShort: 'The password must be at least 12 characters long.',
    passwordTooLong: 'The password must be at most 200 characters long.',
    passwordContainsUsername: 'The password must not contain the username.',
    passwordCommon:
      'This password is too common or easy to guess (it is on a list of common or leaked passwords). Choose a longer phrase that is harder to guess.',
  },
  errors: {
    UNAUTHENTICATED: 'Your session has ended. Please log in again.',
    FORBIDDEN: 'You do not have permission to use this function.',
    NOT_FOUND: 'The requested data was not found.',
    CONFLICT: 'Someone else changed this data. Please reload and try again.',
    VALIDATION: 'Some of the data entered is not valid. Please check it.',
    INVALID_CREDENTIALS: 'The username or password is incorrect.',
    ACCOUNT_DISABLED: 'This account is disabled. Please contact the administrator.',
    RATE_LIMITED: 'Too many attempts. Please wait a minute and try again.',
    DATABASE_UNAVAILABLE:
      'The system cannot reach its database right now. Please try again in a few minutes.',
    UNAVAILABLE: 'The server is restarting. Please try again in a few seconds.',
    INTERNAL: 'Something went wrong. Please try again.',
    NETWORK: 'Cannot reach the server. Please check your connection and try again.',
  },
  lockout: {
    /** A login locked after repeated failures (`lockedOutError`), with the time it still waits. */
    minutes_one: 'The account is locked after repeated failures. Please try again in {{count}} minute.',
    minutes_other: 'The account is locked after repeated failures. Please try again in {{count}} minutes.',
    seconds_one: 'The account is locked after repeated failures. Please try again in {{count}} second.',
    seconds_other: 'The account is locked after repeated failures. Please try again in {{count}} seconds.',
  },
  common: {
    retry: 'Try again',
    reload: 'Reload the page',
    /** Fetches the latest version of a record someone else changed meanwhile. */
    reloadLatest: 'Reload',
    errorTitle: 'Something went wrong',
    unexpected: 'The page hit an unexpected error. Reload the page to continue; saved data is not lost.',
    previous: 'Previous',
    next: 'Next',
    pageOf: 'Page {{page}} / {{pages}}',
    total: 'Total: {{count}}',
    pagination: 'Pagination',
    sortAscending: 'sorted ascending',
    sortDescending: 'sorted descending',
    sortable: 'click to sort',
    yes: 'Yes',
    no: 'No',
    all: 'All',
  },
  signedPdf: {
    download: 'Download PDF',
    title: 'Signing details (PDF)',
    intro:
      'The PDF is an administrative document under Decree 30/2020/NĐ-CP (national motto, issuing office, number, place and date, recipients, signature), in Vietnamese. Blank fields take the defaults.',
    number: 'Document number',
    numberHint:
      'Leave blank for the records office to fill in when it registers the signed document (Số: …/BC-VPCP).',
    authority: 'Signing authority',
    authorityHint:
      'For example: KT. Bộ trưởng, Chủ nhiệm (a deputy signing for the head); blank when the head signs.',
    signerTitle: "Signer's title",
    signerTitleHint: 'Default: Bộ trưởng, Chủ nhiệm.',
    signerName: "Signer's full name",
    signerNameHint: 'Leave blank to write it in by hand.',
  },
  notFound: {
    title: 'Page not found',
    body: 'The address you opened does not exist or has moved.',
    home: 'Go to the Overview',
  },
  /** The way back from a page that could not show its content. */
  pageError: {
    backToTasks: 'Back to the task list',
    backToDocuments: 'Back to the directive documents',
    backToCompliance: 'Back to reporting compliance',
  },
  forbidden: {
    title: 'Access denied',
    body: 'This page is for: {{roles}}.',
    yourRole: 'Your account ({{role}}) cannot open it; the pages you can use are in the navigation.',
  },
  status: {
    completed_on_time: 'Completed on time',
    completed_late: 'Completed late',
    in_progress: 'In progress, within deadline',
    overdue: 'Overdue',
    no_deadline: 'No deadline',
    withdrawn: 'Withdrawn',
    dueSoon: 'Due soon',
    stale: 'No update for 30 days',
  },
  priorities: {
    normal: 'Normal',
    high: 'High',
    urgent: 'Urgent',
  },
  /** The agency picker's words (components/agency-picker.tsx): agencies, or provinces and cities. */
  picker: {
    agencies: {
      hint: 'Type a name with or without diacritics; use the arrow keys to move and Enter to choose.',
      noMatches: 'No matching agency.',
      results: '{{count}} matching agencies',
      remove: 'Remove {{name}}',
      selected: 'Chosen',
      change: 'Change agency',
    },
    provinces: {
      hint: 'Type the name of a province or city; use the arrow keys to move and Enter to choose.',
      change: 'Change',
      selected: 'chosen',
      noMatches: 'No matching province or city.',
      results: '{{count}} matching provinces or cities',
    },
  },
  borders: {
    label: 'Borders',
    current: "Today's units",
    recorded: 'Units as recorded',
    unitEnded: 'until {{date}}',
    formerUnits: 'includes {{n}} former units',
    tasksCurrent:
      "Figures under today's units: tasks of merged-away units (such as those before 1 July 2025) are added to the unit that succeeded them.",
    tasksRecorded:
      'Figures under the units the tasks were assigned to: merged-away units are listed apart, as they were.',
    figuresCurrent:
      "Figures under today's units: what merged-away units reported is added to the unit that succeeded them (Σ numerators / Σ denominators). The national value is the same.",
    figuresRecorded:
      'Figures under the units that reported them: merged-away units are listed apart, as they were. The national value is the same.',
    obligations:
      "Under today's units: only units that exist today owe reports; what former units submitted stays under their own names.",
    communes:
      "Under today's units: figures of merged communes and wards are added to the unit that succeeded them.",
  },
};
