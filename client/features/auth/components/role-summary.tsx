import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import type { CurrentUser } from '../../../lib/trpc';

/** Greets the user, shows `children` (what awaits them) and says what their role lets them do here. */
export function RoleSummary({ user, children }: { user: CurrentUser; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const agency = i18n.language === 'en' ? user.agencyNameEn : user.agencyNameVi;
  return (
    <div className="stack">
      <h1>{t('overview.greeting', { name: user.fullName })}</h1>
      <p className="muted">{t('overview.today', { date: formatDate(new Date()) })}</p>
      <dl className="facts">
        <div>
          <dt>{t('overview.agency')}</dt>
          <dd>{agency}</dd>
        </div>
        <div>
          <dt>{t('overview.role')}</dt>
          <dd>{t(`roles.${user.role}`)}</dd>
        </div>
      </dl>
      {children}
      <section aria-labelledby="what-you-can-do">
        <h2 id="what-you-can-do">{t('overview.whatYouCanDo')}</h2>
        <p>{t(`roleDescriptions.${user.role}`)}</p>
      </section>
    </div>
  );
}
