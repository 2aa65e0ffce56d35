import {
  apiTokenIdInput,
  apiTokenListInput,
  apiTokenListOutput,
  issueApiTokenInput,
  issueApiTokenOutput,
  revokeApiTokenOutput,
} from '../../../shared/schemas/api-tokens';
import { roleProcedure, router } from '../../trpc/init';
import { issueToken, listTokens, revokeToken } from './tokens';

/** The administrator's side of machine clients: issue, list and revoke agencies' API tokens. */
export const apiTokensRouter = router({
  list: roleProcedure('admin')
    .input(apiTokenListInput)
    .output(apiTokenListOutput)
    .query(({ ctx, input }) => listTokens(ctx.database.db, input)),

  issue: roleProcedure('admin')
    .input(issueApiTokenInput)
    .output(issueApiTokenOutput)
    .mutation(({ ctx, input }) => issueToken(ctx.database.db, ctx.user, input)),

  revoke: roleProcedure('admin')
    .input(apiTokenIdInput)
    .output(revokeApiTokenOutput)
    .mutation(({ ctx, input }) => revokeToken(ctx.database.db, ctx.user, input.id)),
});
