import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isLanguage, LANGUAGES, type Language } from '../../../shared/languages';
import { periodName } from '../../../shared/period-names';
import { formatPercent } from '../format';
import { retryImport } from '../retry-import';
import { CORE_GROUPS, type MessageGroup } from './message-groups';
import { authVi } from './messages/auth.vi';
import { commonVi } from './messages/common.vi';
import { shellVi } from './messages/shell.vi';
import type { Messages } from './vi';

export { LANGUAGES, type Language };

export const LANGUAGE_STORAGE_KEY = 'dgm.lang';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
    /** `{{percent, percent}}` in a message: a 0–100 figure shown by lib/format in the message's language. */
    /**
     * `{{period, period}}`: a period key ("2026-Q4") or a month ("2026-11") named as people say it
     * ("Quý IV/2026"); `{{period, periodInSentence}}` the same inside a sentence ("kỳ quý IV/2026").
     */
    interpolationFormatTypeMap: { percent: number; period: string; periodInSentence: string };
  }
}

function readStoredLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : 'vi';
  } catch {
    // Storage can be blocked (private mode, policies); Vietnamese stays the default.
    return 'vi';
  }
}

function applyLanguage(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not persisting is acceptable; the switch still works for this page.
  }
}

type MessageTree = { readonly [key: string]: string | MessageTree };

/** The first page's Vietnamese (CORE_GROUPS): ready at once, so the first render waits for nothing. */
const coreVi = { ...commonVi, ...shellVi, ...authVi };

/** Every other message file is a chunk of its own; English ones load only once English is chosen. */
const messageFiles = import.meta.glob<Record<string, MessageTree>>([
  './messages/*.ts',
  '!./messages/{common,shell,auth}.vi.ts',
]);

export const i18n = i18next.createInstance();

const initialLanguage = readStoredLanguage();

// An English reader's first render waits for `i18nReady` (the English files), so nothing shows before.
void i18n.use(initReactI18next).init({
  resources: { vi: { translation: coreVi } },
  lng: initialLanguage,
  fallbackLng: 'vi',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  initAsync: false,
  showSupportNotice: false,
});

const loads = new Map<string, Promise<void>>();
/** The groups the pages opened so far needed: a change of language loads them in the new one first. */
const wanted = new Set<MessageGroup>(CORE_GROUPS);

function loadGroup(language: Language, group: MessageGroup): Promise<void> {
  const name = `${group}.${language}`;
  const file = messageFiles[`./messages/${name}.ts`];
  // The first page's Vietnamese is in the entry (the glob leaves those files out).
  if (!file) return Promise.resolve();
  let load = loads.get(name);
  if (!load) {
    load = retryImport(file).then((module) => {
      for (const messages of Object.values(module))
        i18n.addResourceBundle(language, 'translation', messages, true, true);
    });
    // A failed load is tried again by the next page that needs it.
    load.catch(() => loads.delete(name));
    loads.set(name, load);
  }
  return load;
}

/** The language a switch is on its way to; the shown one when none is under way. */
let switchingTo: Language = initialLanguage;

/**
 * Loads a page's message groups in the current language (and in the one a switch is on its way to);
 * the page renders once they are in (the lazy page waits for its code and its words), so no key is
 * ever shown untranslated.
 */
export async function loadMessages(groups: readonly MessageGroup[]): Promise<void> {
  for (const group of groups) wanted.add(group);
  const languages = new Set([currentLanguage(), switchingTo]);
  await Promise.all([...languages].flatMap((language) => groups.map((group) => loadGroup(language, group))));
}

/** Switches once every group already in use is there in the new language: the page never shows keys. */
export async function setLanguage(language: Language): Promise<void> {
  switchingTo = language;
  await Promise.all([...wanted].map((group) => loadGroup(language, group)));
  // A later choice, made while these loaded, wins.
  if (switchingTo === language) await i18n.changeLanguage(language);
}

// Whole percentages stay whole ("40 %"); a threshold such as 12,5 % keeps its decimal.
i18n.services.formatter?.add('percent', (value: number, language) =>
  formatPercent(value, language ?? 'vi', 0, 1),
);
i18n.services.formatter?.add('period', (value: string, language) => periodName(value, language ?? 'vi'));
i18n.services.formatter?.add('periodInSentence', (value: string, language) =>
  periodName(value, language ?? 'vi', { inSentence: true }),
);

if (typeof document !== 'undefined') document.documentElement.lang = i18n.language;
i18n.on('languageChanged', applyLanguage);

/** Resolves once the stored language's messages are loaded; the app renders after it. */
export const i18nReady: Promise<unknown> = Promise.all(
  [...wanted].map((group) => loadGroup(initialLanguage, group)),
);

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'vi';
}
