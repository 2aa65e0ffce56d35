import {
  ReportAccountability,
  useMayReadReportAccountability,
} from '../../features/accountability/components/report-accountability';
import { ReportEscalation } from '../../features/escalation/components/report-escalation';
import { CompliancePage } from '../../features/reports/components/compliance-page';

/**
 * The compliance heatmap, whose late or missing reports open what the escalation rules did about them,
 * their reminders and explanation requests (for oversight roles and the agency's own staff), as a task's
 * page shows its own.
 */
export function ComplianceRoute() {
  const mayOpen = useMayReadReportAccountability();
  return (
    <CompliancePage
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
