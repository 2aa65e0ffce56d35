import { ReportAccountability } from '../../features/accountability/components/report-accountability';
import { SubmissionPage } from '../../features/reports/components/submission-page';

/** A report's page, with its reminders and explanation requests (oversight and its agency read them). */
export function SubmissionRoute() {
  return (
    <SubmissionPage
      sections={({ agencyName, ...obligation }) => (
        <ReportAccountability obligation={obligation} agencyName={agencyName} />
      )}
    />
  );
}
