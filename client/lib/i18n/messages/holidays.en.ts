import type { holidaysVi } from './holidays.vi';

export const holidaysEn: typeof holidaysVi = {
  holidayAdmin: {
    title: 'Holiday calendar',
    intro:
      'Report deadlines count working days, skipping Saturdays, Sundays and the days below. Lunar New Year and the Hung Kings’ day move with the lunar calendar: update them each year from the official holiday notice.',
    year: 'Year',
    caption: 'Holidays in {{year}}',
    empty: 'No holiday in {{year}} yet.',
    date: 'Date',
    weekday: 'Weekday',
    nameVi: 'Name in Vietnamese',
    nameEn: 'Name in English',
    actions: 'Actions',
    remove: 'Remove the holiday of {{date}}',
    removing: 'Removing…',
    removed: 'Holiday of {{date}} removed.',
    addTitle: 'Add a holiday',
    add: 'Add the holiday',
    adding: 'Adding…',
    added: 'Holiday of {{date}} added.',
    readOnly: 'Only an administrator changes the holiday calendar.',
    count: '{{count}} holidays',
    holidayExists: 'This date is already in the holiday calendar.',
    invalidDate: 'Please choose a valid date.',
  },
};
