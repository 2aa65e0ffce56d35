import { accountabilityRouter } from './modules/accountability/router';
import { agenciesRouter } from './modules/agencies/router';
import { auditRouter } from './modules/audit/router';
import { authRouter } from './modules/auth/router';
import { documentsRouter } from './modules/documents/router';
import { escalationRouter } from './modules/escalation/router';
import { holidaysRouter } from './modules/holidays/router';
import { homeRouter } from './modules/home/router';
import { kpisRouter } from './modules/kpis/router';
import { liveRouter } from './modules/live/router';
import { apiTokensRouter } from './modules/machine/router';
import { mailRouter } from './modules/mail/router';
import { reportsRouter } from './modules/reports/router';
import { rollupRouter } from './modules/rollup/router';
import { submissionsRouter } from './modules/submissions/router';
import { systemRouter } from './modules/system/router';
import { tasksRouter } from './modules/tasks/router';
import { templatesRouter } from './modules/templates/router';
import { usersRouter } from './modules/users/router';
import { router } from './trpc/init';

export const appRouter = router({
  auth: authRouter,
  agencies: agenciesRouter,
  users: usersRouter,
  tasks: tasksRouter,
  documents: documentsRouter,
  audit: auditRouter,
  reports: reportsRouter,
  live: liveRouter,
  submissions: submissionsRouter,
  holidays: holidaysRouter,
  home: homeRouter,
  kpis: kpisRouter,
  templates: templatesRouter,
  system: systemRouter,
  accountability: accountabilityRouter,
  escalation: escalationRouter,
  mail: mailRouter,
  rollup: rollupRouter,
  apiTokens: apiTokensRouter,
});

export type AppRouter = typeof appRouter;
