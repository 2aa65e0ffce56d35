import { useTranslation } from 'react-i18next';
import { type DecideExtensionInput, decideExtensionInput } from '../../../../shared/schemas/tasks';
import { formatDate } from '../../../lib/format';
import { TaskDecisionForm } from './task-decision-form';

interface Request {
  id: number;
  version: number;
  reason: string;
  currentDeadline: string | null;
  requestedDeadline: string;
}

interface Props {
  request: Request;
  send: (input: DecideExtensionInput) => Promise<unknown>;
  onReload: () => void;
}

export function ExtensionDecisionForm({ request, send, onReload }: Props) {
  const { t } = useTranslation();
  return (
    <TaskDecisionForm
      headingId="extension-decision-title"
      title={t('taskForms.extensionDecisionTitle')}
      summary={t('taskForms.extensionSummary', {
        from: request.currentDeadline ? formatDate(request.currentDeadline) : t('taskDetail.noDeadline'),
        to: formatDate(request.requestedDeadline),
        reason: request.reason,
      })}
      approve={{ decision: 'approved', label: t('taskForms.approveExtension') }}
      refuse={{ decision: 'refused', label: t('taskForms.refuseExtension') }}
      parse={(decision, comment) =>
        decideExtensionInput.safeParse({ id: request.id, version: request.version, decision, comment })
      }
      send={send}
      onReload={onReload}
    />
  );
}
