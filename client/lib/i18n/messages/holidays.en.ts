import type { holidaysVi } from './holidays.vi';

export const holidaysEn: typeof holidaysVi = {
  holidayAdmin: {
    title: 'Holiday calendar',
    intro:
      'Report deadlines count working days: Saturdays, Sundays and the days off below (public holidays, Lunar New Year, substitute and exchange days) are skipped, make-up working days are not; a deadline that falls on a day off moves to the next working day. Lunar New Year and the Hung Kings’ day move with the lunar calendar: update them each year from the official holiday notice, exchange and make-up days included.',
    year: 'Year',
    caption: 'Calendar of {{year}}',
    empty: 'No holiday in {{year}} yet.',
    date: 'Date',
    weekday: 'Weekday',
    kind: 'Kind of day',
    kindHint:
      'A make-up working day is a Saturday or Sunday worked in exchange for a day off; substitute and exchange days off are weekdays.',
    kinds: {
      public_holiday: 'Public holiday',
      substitute_day: 'Substitute day off',
      exchange_day: 'Exchange day off',
      makeup_workday: 'Make-up working day',
    },
    dayOff: 'off',
    workingDay: 'worked',
    nameVi: 'Name in Vietnamese',
    nameEn: 'Name in English',
    actions: 'Actions',
    edit: 'Edit the day of {{date}}',
    editTitle: 'Edit {{date}}',
    save: 'Save changes',
    saving: 'Saving…',
    cancelEdit: 'Cancel editing',
    updated: 'Day of {{date}} saved.',
    remove: 'Remove the day of {{date}}',
    removing: 'Removing…',
    removed: 'Day of {{date}} removed from the calendar.',
    addTitle: 'Add a day to the calendar',
    add: 'Add the day',
    adding: 'Adding…',
    added: 'Holiday of {{date}} added.',
    addedWorkday: 'Make-up working day of {{date}} added.',
    readOnly: 'Only an administrator changes the holiday calendar.',
    count_one: '{{count}} day off',
    count_other: '{{count}} days off',
    workdayCount_one: '{{count}} make-up working day',
    workdayCount_other: '{{count}} make-up working days',
    validation: {
      makeupNotWeekend: 'A make-up working day must be a Saturday or a Sunday.',
      dayOffOnWeekend: 'A substitute or exchange day off must be a weekday (Monday to Friday).',
    },
    errors: {
      holidayExists: 'This date is already in the holiday calendar.',
    },
  },
};
