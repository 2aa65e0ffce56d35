import { accountabilityVi } from './messages/accountability.vi';
import { agenciesVi } from './messages/agencies.vi';
import { authVi } from './messages/auth.vi';
import { commonVi } from './messages/common.vi';
import { dashboardVi } from './messages/dashboard.vi';
import { documentsVi } from './messages/documents.vi';
import { escalationVi } from './messages/escalation.vi';
import { holidaysVi } from './messages/holidays.vi';
import { homeVi } from './messages/home.vi';
import { kpisVi } from './messages/kpis.vi';
import { mailVi } from './messages/mail.vi';
import { mfaVi } from './messages/mfa.vi';
import { monthlyReportVi } from './messages/monthly-report.vi';
import { openDataVi } from './messages/open-data.vi';
import { reportsVi } from './messages/reports.vi';
import { rollupVi } from './messages/rollup.vi';
import { shellVi } from './messages/shell.vi';
import { taskListVi } from './messages/task-list.vi';
import { tasksVi } from './messages/tasks.vi';
import { templatesVi } from './messages/templates.vi';
import { usersVi } from './messages/users.vi';

/**
 * Vietnamese messages, one file per feature under messages/ (each can later be loaded with its pages):
 * the reference shape every other language must match.
 */
export const vi = {
  ...commonVi,
  ...shellVi,
  ...authVi,
  ...agenciesVi,
  ...usersVi,
  ...tasksVi,
  ...documentsVi,
  ...dashboardVi,
  ...taskListVi,
  ...monthlyReportVi,
  ...openDataVi,
  ...reportsVi,
  ...kpisVi,
  ...templatesVi,
  ...holidaysVi,
  ...homeVi,
  ...mfaVi,
  ...accountabilityVi,
  ...escalationVi,
  ...mailVi,
  ...rollupVi,
};

/** Every language provides the same keys (checked by the compiler, and by i18n.test.ts at run time). */
export type Messages = typeof vi;
