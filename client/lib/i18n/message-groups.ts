/** The message files, `messages/<group>.<language>.ts`: one per feature. */
export const MESSAGE_GROUPS = [
  'accountability',
  'agencies',
  'auth',
  'common',
  'dashboard',
  'documents',
  'escalation',
  'holidays',
  'home',
  'kpis',
  'mail',
  'mfa',
  'monthly-report',
  'open-data',
  'reports',
  'rollup',
  'shell',
  'task-list',
  'tasks',
  'templates',
  'users',
] as const;
export type MessageGroup = (typeof MESSAGE_GROUPS)[number];

/**
 * What the first page says, in its JavaScript: the login page, the shell and its menu, errors; the
 * glob of lib/i18n/i18n.ts leaves the same files out. Every other group is a chunk of its own, fetched with the first page that needs it.
 */
export const CORE_GROUPS = ['common', 'shell', 'auth'] as const satisfies readonly MessageGroup[];
export type PageMessageGroup = Exclude<MessageGroup, (typeof CORE_GROUPS)[number]>;
