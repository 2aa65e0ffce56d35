import { and, eq } from 'drizzle-orm';
import type { Role } from '../../shared/roles';
import { foldVietnamese } from '../../shared/text';
import { type AppOptions, buildApp } from '../app';
import type { Database } from '../db/client';
import { agencies, users } from '../db/schema';
import { loadConfig } from '../env';
import { isCurrentAgency } from '../modules/agencies/current';
import { hashPassword } from '../modules/auth/password';
import { createTestDatabase } from './db';

export const TEST_PASSWORD = 'Mật-khẩu-thử-2026';

export function testConfig(overrides: Record<string, string> = {}) {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...overrides });
}

/** A user of the given role in the agency with that Vietnamese name (reference data). */
export async function createUser(
  database: Database,
  spec: { username: string; role: Role; agency: string; active?: boolean },
): Promise<{ id: number; agencyId: number }> {
  const [agency] = await database.db
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.nameVi, spec.agency), isCurrentAgency()));
  if (!agency) throw new Error(`No agency ${spec.agency}`);
  const [user] = await database.db
    .insert(users)
    .values({
      username: spec.username,
      passwordHash: await hashPassword(TEST_PASSWORD),
      fullName: `Người dùng ${spec.username}`,
      role: spec.role,
      agencyId: agency.id,
      active: spec.active ?? true,
      searchText: foldVietnamese(spec.username),
    })
    .returning({ id: users.id });
  if (!user) throw new Error('insert failed');
  return { id: user.id, agencyId: agency.id };
}

/** The server on a database of the test file's own, driven with fastify's inject (no port). */
export async function createTestApp(
  options: { config?: Record<string, string>; app?: AppOptions; database?: Database } = {},
) {
  const database = options.database ?? (await createTestDatabase());
  const config = testConfig(options.config);
  const app = await buildApp({ config, database }, { logger: false, ...options.app });
  await app.ready();

  async function trpc(
    path: string,
    input: unknown,
    init: { method?: 'GET' | 'POST'; cookie?: string; headers?: Record<string, string> } = {},
  ) {
    const method = init.method ?? 'POST';
    const payload = JSON.stringify({ json: input });
    const response = await app.inject({
      method,
      url: method === 'GET' ? `/trpc/${path}?input=${encodeURIComponent(payload)}` : `/trpc/${path}`,
      headers: {
        ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
        ...(init.cookie ? { cookie: init.cookie } : {}),
        ...init.headers,
      },
      payload: method === 'POST' ? payload : undefined,
    });
    const body = response.body ? JSON.parse(response.body) : undefined;
    return {
      status: response.statusCode,
      headers: response.headers,
      body,
      data: body?.result?.data?.json,
      error: body?.error?.json,
    };
  }

  async function login(username: string, password = TEST_PASSWORD): Promise<string> {
    const res = await trpc('auth.login', { username, password });
    const setCookie = res.headers['set-cookie'];
    const raw = Array.isArray(setCookie) ? setCookie[0] : setCookie;
    if (res.status !== 200 || !raw) throw new Error(`login failed for ${username}: ${res.status}`);
    return raw.split(';')[0] ?? '';
  }

  return {
    app,
    database,
    config,
    trpc,
    login,
    close: async () => {
      await app.close();
      if (!options.database) await database.close();
    },
  };
}
