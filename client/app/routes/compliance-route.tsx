import {
  ReportAccountability,
  useMayReadReportAccountability,
} from '../../features/accountability/components/report-accountability';
import { CompliancePage } from '../../features/reports/components/compliance-page';

/**
 * The compliance heatmap, whose late or missing reports open their reminders and explanation requests
 * (for oversight roles and the agency's own staff), as a task's page shows its own.
 */
export function ComplianceRoute() {
  const mayOpen = useMayReadReportAccountability();
  return (
    <CompliancePage
      obligationPanel={{
        mayOpen,
        render: ({ agencyName, ...obligation }) => (
          <ReportAccountability obligation={obligation} agencyName={agencyName} />
        ),
      }}
    />
  );
}
