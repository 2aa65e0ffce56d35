import { and, asc, count, eq, type SQL, sql } from 'drizzle-orm';
import type { UserListInput } from '../../../shared/schemas/users';
import { foldVietnamese } from '../../../shared/text';
import type { Db } from '../../db/client';
import { agencies, users } from '../../db/schema';
import { isPersonAccount } from '../machine/accounts';

export async function findUsers(
  db: Db,
  input: Required<Pick<UserListInput, 'page' | 'pageSize'>> & UserListInput,
) {
  // The accounts machine clients act through are tokens' business (`/admin/api-tokens`), not people's.
  const filters: SQL[] = [isPersonAccount()];
  const q = input.q ? foldVietnamese(input.q) : '';
  if (q) filters.push(sql`${users.searchText} like ${`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (input.role) filters.push(eq(users.role, input.role));
  if (input.locked) filters.push(sql`${users.lockedUntil} > now()`);
  const where = and(...filters);
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: users.id,
        username: users.username,
        fullName: users.fullName,
        role: users.role,
        active: users.active,
        agencyNameVi: agencies.nameVi,
        agencyNameEn: agencies.nameEn,
        email: users.email,
        lockedUntil:
          sql<Date | null>`case when ${users.lockedUntil} > now() then ${users.lockedUntil} end`.mapWith(
            users.lockedUntil,
          ),
        failedLogins: users.failedLogins,
      })
      .from(users)
      .innerJoin(agencies, eq(agencies.id, users.agencyId))
      .where(where)
      .orderBy(asc(users.role), asc(users.username))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}
