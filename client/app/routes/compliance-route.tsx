import { PeriodReminder } from '../../features/accountability/components/period-reminder';
import {
  ReportAccountability,
  useMayReadReportAccountability,
} from '../../features/accountability/components/report-accountability';
import { ReportEscalation } from '../../features/escalation/components/report-escalation';
import { CompliancePage } from '../../features/reports/components/compliance-page';
import { useCurrentUserQuery } from '../../lib/use-current-user';

/**
 * The compliance heatmap, whose late or missing reports open what the escalation rules did about them,
 * their reminders and explanation requests (for oversight roles and the agency's own staff), as a task's
 * page shows its own; the Office also reminds every agency missing a period's report at once.
 */
export function ComplianceRoute() {
  const mayOpen = useMayReadReportAccountability();
  // Only the Office reminds (the server refuses anyone else).
  const mayRemind = useCurrentUserQuery().data?.role === 'office';
  return (
    <CompliancePage
      periodReminder={
        mayRemind
          ? (choice) => (
              // Another regime is a new form: its period and outcome do not carry over.
              <PeriodReminder key={choice.templateId} {...choice} />
            )
          : undefined
      }
      obligationPanel={{
        mayOpen,
        render: ({ agencyName, ...obligation }) => (
          <>
            {mayOpen(obligation.agencyId) && (
              <ReportEscalation
                key={`${obligation.templateId}:${obligation.agencyId}:${obligation.periodKey}`}
                obligation={obligation}
              />
            )}
            <ReportAccountability obligation={obligation} agencyName={agencyName} />
          </>
        ),
      }}
    />
  );
}
