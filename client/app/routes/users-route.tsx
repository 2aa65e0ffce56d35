import { RequireRole } from '../../features/auth/components/require-role';
import { UsersPage } from '../../features/users/components/users-page';

export function UsersRoute() {
  return (
    <RequireRole roles={['admin']}>
      <UsersPage />
    </RequireRole>
  );
}
