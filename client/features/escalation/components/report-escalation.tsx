import { useTranslation } from 'react-i18next';
import { useReportEscalation } from '../api/escalation-queries';
import { reportEscalationStepSentence } from '../escalation-sentence';
import './escalation.css';

/**
 * What the escalation rules did about one agency's missed report, on the compliance page's opened cell:
 * "Yêu cầu giải trình tự động ngày … vì …", then the Office told. Nothing when they did nothing. The
 * page shows it only to those who may read the report's requests (the server refuses anyone else).
 */
export function ReportEscalation({
  obligation,
}: {
  obligation: { templateId: number; agencyId: number; periodKey: string };
}) {
  const { t } = useTranslation();
  const steps = useReportEscalation(obligation).data?.steps ?? [];
  if (steps.length === 0) return null;
  return (
    <section
      className="task-escalation"
      aria-label={t('reportEscalation.label')}
      data-testid="report-escalation"
    >
      <ul className="task-escalation__steps">
        {steps.map((step) => (
          <li key={step.kind}>{reportEscalationStepSentence(step, t)}</li>
        ))}
      </ul>
    </section>
  );
}
