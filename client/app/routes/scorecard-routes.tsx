import { AgencyAccountability } from '../../features/accountability/components/agency-accountability';
import { AgencyScorecardPage, OwnScorecardPage } from '../../features/kpis/components/scorecard-page';

/** An agency's scorecard, with the reminders it received and the explanations asked of it. */
const sections = (agencyId: number) => <AgencyAccountability agencyId={agencyId} />;

export function OwnScorecardRoute() {
  return <OwnScorecardPage sections={sections} />;
}

export function AgencyScorecardRoute() {
  return <AgencyScorecardPage sections={sections} />;
}
