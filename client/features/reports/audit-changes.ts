/**
 * What an audit entry changed, field by field, for people: the entry keeps the whole record before
 * and after (for the hash chain and for inspectors), but a reader wants "state: draft → submitted".
 * Nested objects (a report's `values`) are walked, so each figure that moved is its own line.
 */
export interface AuditChange {
  /** Dotted path of the field: `state`, `values.F03`. */
  path: string;
  before: unknown;
  after: unknown;
}

/** Bookkeeping every write moves; the entry's own time says when. */
const IGNORED = new Set(['updatedAt']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const changes: AuditChange[] = [];
  const walk = (path: string, b: unknown, a: unknown) => {
    if (isRecord(b) || isRecord(a)) {
      const from = isRecord(b) ? b : {};
      const to = isRecord(a) ? a : {};
      const keys = [...new Set([...Object.keys(to), ...Object.keys(from)])];
      for (const key of keys) {
        if (!path && IGNORED.has(key)) continue;
        walk(path ? `${path}.${key}` : key, from[key], to[key]);
      }
      return;
    }
    if (!same(b, a)) changes.push({ path, before: b, after: a });
  };
  walk('', before, after);
  return changes;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Whether a value is an instant as the API sends it in a JSON snapshot. */
export function isInstant(value: unknown): value is string {
  return typeof value === 'string' && ISO_INSTANT.test(value);
}
