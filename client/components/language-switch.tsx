import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/languages';
import { currentLanguage, setLanguage } from '../lib/i18n/i18n';

interface LanguageSwitchProps {
  /** Also keeps the choice elsewhere (the signed-in user's account); the interface switches at once. */
  onSwitch?: (language: Language) => void;
}

/** Names the other language, in that language, so a reader of either can find it. */
export function LanguageSwitch({ onSwitch }: LanguageSwitchProps = {}) {
  const { t } = useTranslation();
  const next = currentLanguage() === 'vi' ? 'en' : 'vi';
  return (
    <button
      type="button"
      className="button button--ghost"
      lang={next}
      title={t(onSwitch ? 'language.switchAccountLabel' : 'language.switchLabel')}
      onClick={() => {
        void setLanguage(next);
        onSwitch?.(next);
      }}
    >
      {t('language.switchTo')}
    </button>
  );
}
