import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { periodName } from '../../../shared/period-names';
import { formatPercent } from '../format';
import { type Messages, vi } from './vi';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

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

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
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

/**
 * Vietnamese ships with the first page; English is its own chunk, fetched when it is first chosen (or
 * before the first render when it was the stored choice): the first page's JavaScript stays small.
 */
const lazyMessages: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, _namespace, callback) {
    if (language === 'vi') return callback(null, vi);
    if (language !== 'en') return callback(null, {});
    import('./en').then(
      (module) => callback(null, module.en),
      (error: Error) => callback(error, null),
    );
  },
};

export const i18n = i18next.createInstance();

/** Resolves once the stored language's messages are loaded; the app renders after it. */
export const i18nReady: Promise<unknown> = i18n
  .use(lazyMessages)
  .use(initReactI18next)
  .init({
    resources: { vi: { translation: vi } },
    partialBundledLanguages: true,
    lng: readStoredLanguage(),
    fallbackLng: 'vi',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    // Vietnamese is bundled, so it is ready at once: tests and the first render need no waiting.
    initAsync: false,
    showSupportNotice: false,
  });

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

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'vi';
}

export async function setLanguage(language: Language): Promise<void> {
  await i18n.changeLanguage(language);
}
