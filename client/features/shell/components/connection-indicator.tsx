import { useTranslation } from 'react-i18next';
import { useConnectionStatus } from '../api/use-connection-status';

/** Says in words (not only colour) whether this screen is receiving live updates. */
export function ConnectionIndicator() {
  const { t } = useTranslation();
  const { state, databaseDown } = useConnectionStatus();
  return (
    <p
      className={`connection connection--${state}`}
      role="status"
      data-testid="connection-status"
      data-state={state}
    >
      <span className="connection__dot" aria-hidden="true" />
      {t(`connection.${state}`)}
      {databaseDown && state === 'live' && (
        <span className="connection__warning"> · {t('connection.databaseDown')}</span>
      )}
    </p>
  );
}
