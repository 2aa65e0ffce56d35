import { accountabilityEn } from './messages/accountability.en';
import { agenciesEn } from './messages/agencies.en';
import { authEn } from './messages/auth.en';
import { commonEn } from './messages/common.en';
import { dashboardEn } from './messages/dashboard.en';
import { documentsEn } from './messages/documents.en';
import { escalationEn } from './messages/escalation.en';
import { holidaysEn } from './messages/holidays.en';
import { homeEn } from './messages/home.en';
import { kpisEn } from './messages/kpis.en';
import { mailEn } from './messages/mail.en';
import { mfaEn } from './messages/mfa.en';
import { monthlyReportEn } from './messages/monthly-report.en';
import { openDataEn } from './messages/open-data.en';
import { reportsEn } from './messages/reports.en';
import { rollupEn } from './messages/rollup.en';
import { shellEn } from './messages/shell.en';
import { taskListEn } from './messages/task-list.en';
import { tasksEn } from './messages/tasks.en';
import { templatesEn } from './messages/templates.en';
import { usersEn } from './messages/users.en';
import type { Messages } from './vi';

export const en: Messages = {
  ...commonEn,
  ...shellEn,
  ...authEn,
  ...agenciesEn,
  ...usersEn,
  ...tasksEn,
  ...documentsEn,
  ...dashboardEn,
  ...taskListEn,
  ...monthlyReportEn,
  ...openDataEn,
  ...reportsEn,
  ...kpisEn,
  ...templatesEn,
  ...holidaysEn,
  ...homeEn,
  ...mfaEn,
  ...accountabilityEn,
  ...escalationEn,
  ...mailEn,
  ...rollupEn,
};
