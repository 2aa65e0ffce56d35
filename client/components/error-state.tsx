import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ClientErrorCode, errorCodeOf, errorMessage, isRetryable } from '../lib/error-message';

/** Where a page that could not show its content sends the user: its list, or home. */
export interface BackLink {
  to: string;
  label: string;
}

type Failure = { error: unknown; code?: undefined } | { code: ClientErrorCode; error?: undefined };

/**
 * A failed load: the message in the user's language, the way back when there is one, and "try again"
 * only where asking again can help (not for a refusal or a row that is not there).
 */
export function ErrorState({
  onRetry,
  back,
  ...failure
}: Failure & { onRetry?: () => void; back?: BackLink }) {
  const { t } = useTranslation();
  const code = failure.code ?? errorCodeOf(failure.error);
  const retry = onRetry && isRetryable(code);
  return (
    <div className="error-state" role="alert">
      <p>{failure.code ? t(`errors.${code}`) : errorMessage(failure.error, t)}</p>
      {(retry || back) && (
        <p className="error-state__actions">
          {retry && (
            <button type="button" className="button" onClick={onRetry}>
              {t('common.retry')}
            </button>
          )}{' '}
          {back && <Link to={back.to}>{back.label}</Link>}
        </p>
      )}
    </div>
  );
}

/**
 * A page whose content could not be shown: still the page, with its heading, the reason and the way
 * back, so that nobody lands on a bare message.
 */
export function PageError({
  title,
  className,
  ...state
}: Failure & { title: string; className?: string; onRetry?: () => void; back: BackLink }) {
  return (
    <section className={className ? `page ${className}` : 'page'}>
      <h1>{title}</h1>
      <ErrorState {...state} />
    </section>
  );
}
