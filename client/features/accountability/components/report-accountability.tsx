import { useTranslation } from 'react-i18next';
import { periodName } from '../../../../shared/period-names';
import { isOversight } from '../../../../shared/roles';
import type { ReportObligationInput } from '../../../../shared/schemas/accountability';
import { useCurrentUserQuery } from '../../../lib/use-current-user';
import { AccountabilitySection } from './accountability-section';

/** Whether this user may read a report obligation's reminders and requests: oversight, or its agency. */
export function useMayReadReportAccountability() {
  const user = useCurrentUserQuery().data;
  return (agencyId: number) => Boolean(user && (isOversight(user.role) || user.agencyId === agencyId));
}

/**
 * "Đôn đốc và giải trình" of one agency's report for a period (the compliance page's chosen cell): the
 * same section as a task's, for oversight roles and that agency's staff only.
 */
export function ReportAccountability({
  obligation,
  agencyName,
}: {
  obligation: ReportObligationInput;
  agencyName: string;
}) {
  const { t, i18n } = useTranslation();
  const mayRead = useMayReadReportAccountability();
  if (!mayRead(obligation.agencyId)) return null;
  return (
    <AccountabilitySection
      // A new cell is a new section: its forms and outcome do not carry over.
      key={`${obligation.templateId}:${obligation.agencyId}:${obligation.periodKey}`}
      subject={{ kind: 'report', ...obligation }}
      heading={t('accountability.reportSubject', {
        agency: agencyName,
        period: periodName(obligation.periodKey, i18n.language, { inSentence: true }),
      })}
    />
  );
}
