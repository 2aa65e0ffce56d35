import { isOversight } from '../../../../shared/roles';
import { useCurrentUserQuery } from '../../../lib/use-current-user';
import { AccountabilitySection } from './accountability-section';

interface Props {
  taskId: number;
  leadAgencyId: number;
}

/**
 * "Đôn đốc và giải trình" on a task's page, for those who may read it: oversight roles and the lead
 * agency's staff. Anyone else is not asked (the server would answer NOT_FOUND): the section is absent.
 */
export function TaskAccountability({ taskId, leadAgencyId }: Props) {
  const user = useCurrentUserQuery().data;
  if (!user || !(isOversight(user.role) || user.agencyId === leadAgencyId)) return null;
  return <AccountabilitySection subject={{ kind: 'task', taskId }} />;
}
