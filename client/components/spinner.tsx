import { useTranslation } from 'react-i18next';

/** A busy indicator that screen readers announce once. */
export function Spinner({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="spinner" role="status" aria-live="polite" aria-busy="true">
      <span className="spinner__circle" aria-hidden="true" />
      <span>{label ?? t('app.loading')}</span>
    </div>
  );
}
