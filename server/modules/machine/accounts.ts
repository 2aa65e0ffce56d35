import { sql } from 'drizzle-orm';
import { apiTokens, users } from '../../db/schema';

/**
 * An account of a person, not one an API token acts through: the users' administration lists and edits
 * only these (a token's account is never given a password or reactivated; it lives and dies with its token).
 */
export const isPersonAccount = () =>
  sql`not exists (select 1 from ${apiTokens} where ${apiTokens.userId} = ${users.id})`;
