/**
 * The languages of the interface and of the mails (docs/decisions/0027-account-email-and-language.md):
 * Vietnamese first, English as a switch. An account keeps one (the users table's `language`, 'vi' by default).
 */
export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
