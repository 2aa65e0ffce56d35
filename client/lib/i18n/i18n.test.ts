import { describe, expect, it, vi as vitest } from 'vitest';
import { CHANGE_TYPES } from '../../../shared/live-events';
import { en } from './en';
import { i18n, LANGUAGE_STORAGE_KEY, setLanguage } from './i18n';
import { CORE_GROUPS, type MessageGroup } from './message-groups';
import { vi } from './vi';

type Tree = { readonly [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : leaves(value, `${prefix}${key}.`),
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+(?:, \w+)?)\}\}/g)].map((m) => m[1]).sort();

describe('language switch', () => {
  it('starts in Vietnamese', () => {
    expect(i18n.language).toBe('vi');
    expect(document.documentElement.lang).toBe('vi');
  });

  it('persists the choice and updates <html lang>', async () => {
    await setLanguage('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(i18n.t('nav.label')).toBe('Main navigation');
    await setLanguage('vi');
    expect(document.documentElement.lang).toBe('vi');
  });
});

/**
 * Copies still read by their forms' own message code (the report and template forms word their schema
 * keys themselves, the agency picker its hint): they go when those move to the shared form kit.
 */
const STILL_OWN_COPY = new Set([
  'picker.agencies.hint',
  'picker.agencies.noMatches',
  'reports.validation.invalid',
  'templateAdmin.validation.required',
  'templateAdmin.validation.tooLong',
  'templateAdmin.validation.invalid',
  'templateAdmin.validation.notANumber',
  'templateAdmin.validation.notAnInteger',
]);

describe('the message catalogue', () => {
  it('has the same keys, with the same placeholders, in Vietnamese and English', () => {
    const english = new Map(leaves(en));
    const vietnamese = leaves(vi);
    expect(vietnamese.map(([key]) => key).sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of vietnamese)
      expect([key, placeholders(english.get(key) ?? '')]).toEqual([key, placeholders(text)]);
  });

  it('gives each top-level key one feature file (a second one would silently replace the first)', () => {
    for (const language of ['vi', 'en'] as const) {
      const files = Object.values(
        language === 'vi'
          ? import.meta.glob<Record<string, Tree>>('./messages/*.vi.ts', { eager: true })
          : import.meta.glob<Record<string, Tree>>('./messages/*.en.ts', { eager: true }),
      ).flatMap((module) => Object.values(module));
      const keys = files.flatMap((messages) => Object.keys(messages));
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys.sort()).toEqual(Object.keys(language === 'vi' ? vi : en).sort());
    }
  });

  it('says a sentence once: no two keys carry the same sentence in both languages', () => {
    // A sentence ends with a full stop; the singular and plural forms of one message may agree, and a
    // sentence whose English differs (an article, a possessive) is a different message.
    const english = new Map(leaves(en));
    const seen = new Map<string, string>();
    const repeated: string[] = [];
    for (const [key, text] of leaves(vi)) {
      if (!text.endsWith('.') || key.endsWith('_other') || STILL_OWN_COPY.has(key)) continue;
      const both = `${text} | ${english.get(key)}`;
      const first = seen.get(both);
      if (first) repeated.push(`${first} = ${key}: ${both}`);
      else seen.set(both, key);
    }
    expect(repeated).toEqual([]);
  });
});

describe('loading the messages', () => {
  // A fresh copy of the module, without the test setup's full catalogues: what a browser starts with.
  async function freshI18n() {
    vitest.resetModules();
    localStorage.removeItem(LANGUAGE_STORAGE_KEY);
    return import('./i18n');
  }

  it("starts with the first page's Vietnamese only, and no English", async () => {
    const fresh = await freshI18n();
    expect(fresh.i18n.t('nav.label')).toBe('Điều hướng chính');
    expect(fresh.i18n.exists('taskList.title')).toBe(false);
    expect(fresh.i18n.hasResourceBundle('en', 'translation')).toBe(false);
    // The groups in the entry are exactly CORE_GROUPS (the glob leaving them out names them again).
    const groups = import.meta.glob<Record<string, Record<string, unknown>>>('./messages/*.vi.ts', {
      eager: true,
    });
    for (const [file, module] of Object.entries(groups)) {
      const group = file.slice('./messages/'.length, -'.vi.ts'.length) as MessageGroup;
      const firstKey = Object.keys(Object.values(module)[0] ?? {})[0] ?? '';
      expect([group, fresh.i18n.exists(firstKey)]).toEqual([group, CORE_GROUPS.includes(group as never)]);
    }
  });

  it("loads a page's groups in the current language, and them too when the language changes", async () => {
    const fresh = await freshI18n();
    await fresh.loadMessages(['task-list']);
    expect(fresh.i18n.t('taskList.title')).toBe(vi.taskList.title);
    expect(fresh.i18n.hasResourceBundle('en', 'translation')).toBe(false);
    await fresh.setLanguage('en');
    expect(fresh.i18n.t('taskList.title')).toBe(en.taskList.title);
    expect(fresh.i18n.t('nav.label')).toBe('Main navigation');
    expect(fresh.i18n.exists('dashboard.title')).toBe(false);
    await fresh.loadMessages(['dashboard']);
    expect(fresh.i18n.t('dashboard.title')).toBe(en.dashboard.title);
    await fresh.setLanguage('vi');
    expect(fresh.i18n.t('dashboard.title')).toBe(vi.dashboard.title);
  });

  it('keeps the later choice when the language is switched again while the first loads', async () => {
    const fresh = await freshI18n();
    const first = fresh.setLanguage('en');
    await fresh.setLanguage('vi');
    await first;
    expect(fresh.i18n.language).toBe('vi');
  });

  it('opens in English, its messages loaded before the first render, when that was the choice', async () => {
    vitest.resetModules();
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    const fresh = await import('./i18n');
    await fresh.i18nReady;
    expect(fresh.i18n.language).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(fresh.i18n.t('login.title')).toBe(en.login.title);
    localStorage.removeItem(LANGUAGE_STORAGE_KEY);
    document.documentElement.lang = 'vi';
  });
});

describe('the activity feed names every kind of change', () => {
  it('in both languages', () => {
    for (const type of CHANGE_TYPES) {
      const key = type.replace('.', '_');
      expect({ type, vi: key in vi.live.types, en: key in en.live.types }).toEqual({
        type,
        vi: true,
        en: true,
      });
    }
  });
});
