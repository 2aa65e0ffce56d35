import { TaskAccountability } from '../../features/accountability/components/task-accountability';
import { TaskEscalation } from '../../features/escalation/components/task-escalation';
import { TaskDetailPage } from '../../features/tasks/components/task-detail-page';

/** A task's page, with its escalation, reminders and explanation requests under the task's own actions. */
export function TaskDetailRoute() {
  return (
    <TaskDetailPage
      sections={({ task }) => (
        <>
          <TaskEscalation taskId={task.id} />
          <TaskAccountability taskId={task.id} leadAgencyId={task.leadAgencyId} />
        </>
      )}
    />
  );
}
