import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORE_GROUPS, type MessageGroup } from '../lib/i18n/message-groups';
import { LOGIN_STEP_MESSAGES, PAGE_MESSAGES } from './page-messages';

/**
 * A page's words load with its code (router.tsx): a key of a group the page does not name would show
 * untranslated. This follows each lazy page's imports through the client and `shared/` code, collects
 * the message keys written there, and checks the page names exactly the groups they come from.
 */
const CLIENT = path.resolve('client');

/** Top-level key → the message file (group) that holds it. */
const groupOfKey = new Map<string, MessageGroup>(
  Object.entries(
    import.meta.glob<Record<string, Record<string, unknown>>>('../lib/i18n/messages/*.vi.ts', {
      eager: true,
    }),
  ).flatMap(([file, module]) => {
    const group = path.basename(file, '.vi.ts') as MessageGroup;
    return Object.values(module).flatMap((messages) =>
      Object.keys(messages).map((key) => [key, group] as const),
    );
  }),
);

function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), specifier);
  for (const file of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')])
    if (/\.tsx?$/.test(file) && existsSync(file)) return file;
  return null;
}

/** The code a module brings (static and dynamic imports; type-only imports bring none). */
function closure(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const source = readFileSync(entry, 'utf8');
  const specifiers = [
    ...source.matchAll(/^(?:import|export)\s+(?!type\s)[^;]*?from\s+'([^']+)'/gms),
    ...source.matchAll(/import\('([^']+)'\)/g),
  ].map((match) => match[1] ?? '');
  for (const specifier of specifiers) {
    const file = resolveImport(entry, specifier);
    // The catalogues themselves are the words, not a use of them.
    if (file && !file.includes(`${path.sep}i18n${path.sep}`)) closure(file, seen);
  }
  return seen;
}

/** The groups of the message keys (`'taskList.title'`, `` `status.${s}` ``) a set of modules writes. */
function groupsUsed(files: Iterable<string>): MessageGroup[] {
  const groups = new Set<MessageGroup>();
  for (const file of files)
    for (const match of readFileSync(file, 'utf8').matchAll(/['"`]([a-zA-Z]+)\.[a-zA-Z$]/g)) {
      const group = groupOfKey.get(match[1] ?? '');
      if (group) groups.add(group);
    }
  const core: readonly MessageGroup[] = CORE_GROUPS;
  return [...groups].filter((group) => !core.includes(group)).sort();
}

/** Each lazy page of the router and the module it loads. */
const lazyPages = [
  ...readFileSync(path.join(CLIENT, 'app/router.tsx'), 'utf8').matchAll(
    /lazyPage\(\s*'([^']+)',\s*\(\)\s*=>\s*import\('([^']+)'\)/g,
  ),
].map(([, page = '', module = '']) => ({
  page,
  file: resolveImport(path.join(CLIENT, 'app/router.tsx'), module),
}));

describe('the words each page loads with its code', () => {
  it('finds every lazy page of the router', () => {
    expect(lazyPages.length).toBeGreaterThan(20);
    for (const { page, file } of lazyPages) expect([page, file]).toEqual([page, expect.any(String)]);
  });

  it.each(lazyPages)('$page names exactly the message groups its code uses', ({ page, file }) => {
    const declared = [...(PAGE_MESSAGES[page as keyof typeof PAGE_MESSAGES] ?? ['(missing)'])].sort();
    expect(declared).toEqual(groupsUsed(closure(file ?? '')));
  });

  it('loads the login steps with their own words', () => {
    const file = path.join(CLIENT, 'features/auth/components/login-step-page.tsx');
    expect([...LOGIN_STEP_MESSAGES].sort()).toEqual(groupsUsed(closure(file)));
  });

  it('sees a key of a group the page does not name (the check can fail)', () => {
    expect(groupsUsed([path.join(CLIENT, 'features/task-list/components/task-table.tsx')])).toEqual([
      'task-list',
    ]);
  });
});
