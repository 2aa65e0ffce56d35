/**
 * The bare handler the task detail's throughput is compared with (bench/detail-throughput.ts): `node:http`
 * and postgres.js, nothing else. `GET /detail?id=N` runs the statements the product runs for a task's
 * first view, captured from the product's own code by the parent and handed over in BARE_STATEMENTS
 * (each parameter a value, or `{ "task": "number" | "string" }` for the task's id), all at once, and
 * answers the rows as JSON. No framework, no session, no validation, no mapping: the ceiling a
 * hand-written server reaches on the same database work. postgres.js as anyone would open it: named
 * statements (its default) and PostgreSQL's default plan cache.
 *
 *   BARE_PORT=4793 DATABASE_URL=… BARE_STATEMENTS='[…]' node --import tsx bench/bare-detail.ts
 */
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import postgres from 'postgres';

export type TaskParam = { task: 'number' | 'string' };
export interface StatementTemplate {
  sql: string;
  params: unknown[];
}

export const isTaskParam = (p: unknown): p is TaskParam =>
  typeof p === 'object' && p !== null && 'task' in p && Object.keys(p).length === 1;

export function fill(template: StatementTemplate, taskId: number): unknown[] {
  return template.params.map((p) => (isTaskParam(p) ? (p.task === 'string' ? String(taskId) : taskId) : p));
}

function serve(): void {
  const port = Number(process.env.BARE_PORT);
  const statements = JSON.parse(process.env.BARE_STATEMENTS ?? '[]') as StatementTemplate[];
  const sql = postgres(process.env.DATABASE_URL ?? '', {
    max: 10,
    onnotice: () => {},
    connection: { application_name: 'dgm-bare' },
  });
  const server = http.createServer((req, res) => {
    const id = Number(new URL(req.url ?? '/', 'http://bare').searchParams.get('id'));
    if (!req.url?.startsWith('/detail') || !Number.isInteger(id) || id <= 0) {
      res.writeHead(req.url === '/healthz' ? 200 : 404).end();
      return;
    }
    Promise.all(
      statements.map((s) =>
        // biome-ignore lint/suspicious/noExplicitAny: parameters exactly as drizzle hands them to postgres.js
        sql.unsafe(s.sql, fill(s, id) as any[], { prepare: true }),
      ),
    ).then(
      (results) => {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(results));
      },
      (error: unknown) => {
        res.writeHead(500).end(String(error));
      },
    );
  });
  server.listen(port, '127.0.0.1');
  process.once('SIGTERM', () => {
    server.close();
    void sql.end({ timeout: 1 }).then(() => process.exit(0));
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) serve();
