import { TaskAccountability } from '../../features/accountability/components/task-accountability';
import { TaskDetailPage } from '../../features/tasks/components/task-detail-page';

/** A task's page, with its reminders and explanation requests under the task's own actions. */
export function TaskDetailRoute() {
  return (
    <TaskDetailPage
      sections={({ task }) => <TaskAccountability taskId={task.id} leadAgencyId={task.leadAgencyId} />}
    />
  );
}
