import {
  escalationRuleOutput,
  escalationRulesOutput,
  reportEscalationInput,
  reportEscalationOutput,
  taskEscalationInput,
  taskEscalationOutput,
  updateEscalationRuleInput,
} from '../../../shared/schemas/escalation';
import { authedProcedure, roleProcedure, router } from '../../trpc/init';
import { findReportEscalation, findTaskEscalation } from './queries';
import { findEscalationRules, updateEscalationRule } from './rules';

/**
 * Escalation rules (issue 16, point 3): the administrator's settings, a task's level and why, and the
 * steps taken on a missed report.
 */
export const escalationRouter = router({
  rules: roleProcedure('admin')
    .output(escalationRulesOutput)
    .query(({ ctx }) => findEscalationRules(ctx.database.db)),

  updateRule: roleProcedure('admin')
    .input(updateEscalationRuleInput)
    .output(escalationRuleOutput)
    .mutation(({ ctx, input }) => updateEscalationRule(ctx.database.db, ctx.user, input)),

  forTask: authedProcedure
    .input(taskEscalationInput)
    .output(taskEscalationOutput)
    .query(({ ctx, input }) => findTaskEscalation(ctx.database.db, ctx.user, input.taskId)),

  forReport: authedProcedure
    .input(reportEscalationInput)
    .output(reportEscalationOutput)
    .query(({ ctx, input }) => findReportEscalation(ctx.database.db, ctx.user, input)),
});
