import type { authVi } from './auth.vi';

export const authEn: typeof authVi = {
  login: {
    title: 'Log in',
    intro: 'Log in with the account you were given to follow tasks, reports and KPIs.',
    username: 'Username',
    password: 'Password',
    submit: 'Log in',
    submitting: 'Logging in…',
  },
  account: {
    passwordTitle: 'Change password',
    forcedIntro:
      'Before you continue, please choose your own new password: the current one was set by an administrator or is the demo password.',
    intro: 'Changing your password ends your other sessions (on other computers or browsers).',
    currentPassword: 'Current password',
    newPassword: 'New password',
    newPasswordHint:
      'At least 12 characters, without the username, not a common password. A long phrase you remember easily works well.',
    confirmPassword: 'Repeat the new password',
    submit: 'Save the new password',
    sending: 'Changing the password…',
    changed: 'Password changed. Your other sessions have ended.',
    validation: {
      passwordMismatch: 'The repeated password does not match the new password.',
    },
    errors: {
      currentPasswordWrong: 'The current password is not correct.',
      passwordUnchanged: 'The new password must differ from the current one.',
    },
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
