import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ESCALATION_RULE_SUBJECT } from '../../../../shared/escalation';
import { ErrorState } from '../../../components/error-state';
import { Spinner } from '../../../components/spinner';
import { usePageTitle } from '../../../lib/use-page-title';
import { useEscalationRules, useUpdateEscalationRule } from '../api/escalation-queries';
import { EscalationRuleForm } from './escalation-rule-form';
import './escalation.css';

/**
 * The administrator's escalation rules: each on or off, with its parameters (issue 16, point 3), those
 * about tasks first, then those about periodic reports.
 */
export function EscalationRulesPage() {
  const { t } = useTranslation();
  usePageTitle(t('escalationAdmin.title'));
  const rules = useEscalationRules();
  const update = useUpdateEscalationRule();
  return (
    <section className="page">
      <h1>{t('escalationAdmin.title')}</h1>
      <p className="hint">{t('escalationAdmin.intro')}</p>
      <p>
        <Link to="/admin/holidays">{t('holidayAdmin.title')}</Link>
      </p>
      {rules.isPending ? (
        <Spinner />
      ) : rules.isError ? (
        <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />
      ) : (
        (['task', 'report'] as const).map((subject) => (
          <section key={subject} className="escalation-rules__group">
            <h2>{t(`escalationAdmin.subjects.${subject}`)}</h2>
            {rules.data
              .filter((rule) => ESCALATION_RULE_SUBJECT[rule.kind] === subject)
              .map((rule) => (
                <EscalationRuleForm
                  key={rule.kind}
                  rule={rule}
                  send={(input) => update.mutateAsync(input as Parameters<typeof update.mutateAsync>[0])}
                  onReload={() => void rules.refetch()}
                />
              ))}
          </section>
        ))
      )}
    </section>
  );
}
