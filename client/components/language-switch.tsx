import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from '../lib/i18n/i18n';

/** Names the other language, in that language, so a reader of either can find it. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const next = currentLanguage() === 'vi' ? 'en' : 'vi';
  return (
    <button
      type="button"
      className="button button--ghost"
      lang={next}
      title={t('language.switchLabel')}
      onClick={() => void setLanguage(next)}
    >
      {t('language.switchTo')}
    </button>
  );
}
