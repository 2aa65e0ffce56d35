export const TEMPLATE_DB = 'dgm_test_template';

/** Server tests use PostgreSQL when TEST_DATABASE_URL (or DATABASE_URL) is set, PGlite otherwise. */
export function testDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
