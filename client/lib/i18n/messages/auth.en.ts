import type { authVi } from './auth.vi';

export const authEn: typeof authVi = {
  login: {
    title: 'Log in',
    intro: 'Log in with the account you were given to follow tasks, reports and KPIs.',
    username: 'Username',
    password: 'Password',
    submit: 'Log in',
    submitting: 'Logging in…',
    required: 'Please enter your {{field}}.',
  },
  overview: {
    title: 'Overview',
    greeting: 'Hello, {{name}}',
    agency: 'Agency',
    role: 'Role',
    today: 'Today is {{date}}.',
    whatYouCanDo: 'What you can do',
    countsCaption: 'Agencies and units by level',
    level: 'Level',
    count: 'Count',
    total: 'Total',
  },
};
