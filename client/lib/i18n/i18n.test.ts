import { describe, expect, it } from 'vitest';
import { i18n, LANGUAGE_STORAGE_KEY, setLanguage } from './i18n';

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
