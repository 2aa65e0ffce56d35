import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { Pagination } from '../../../components/pagination';
import { SearchBox } from '../../../components/search-box';
import { Spinner } from '../../../components/spinner';
import { useListParams } from '../../../lib/use-list-params';
import { usePageTitle } from '../../../lib/use-page-title';
import { useCreateUser, useResetPassword, useUnlockUser, useUpdateUser } from '../api/use-user-admin';
import { USERS_PAGE_SIZE, useUsers } from '../api/use-users';
import '../../../components/forms.css';
import { ApiTokensSection } from './api-tokens-section';
import { CreateUserForm } from './create-user-form';
import { LoginFailuresSection } from './login-failures-section';
import { parseRole, RoleFilter } from './role-filter';
import { UserEditPanel } from './user-edit-panel';
import { type Notice, UserLockToggle, type UserRow } from './user-lock-toggle';
import { UserUnlockButton } from './user-unlock-button';
import { UsersTable } from './users-table';

/** Administrators' list of accounts; filters live in the URL (?q=&role=&page=). */
export function UsersPage() {
  const { t } = useTranslation();
  usePageTitle(t('users.title'));
  const { params, q, page, setParam, onSearch, onPageChange } = useListParams();
  const role = parseRole(params.get('role'));
  const locked = params.get('locked') === '1';
  const users = useUsers({ q, role, locked, page });

  const create = useCreateUser();
  const update = useUpdateUser();
  const reset = useResetPassword();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [editingId, setEditingId] = useState<number | null>(null);
  const editButtons = useRef(new Map<number, HTMLButtonElement>());
  const editing = users.data?.items.find((u) => u.id === editingId) ?? null;
  const { mutateAsync: updateUser } = update;
  const { mutateAsync: unlockUser } = useUnlockUser();

  const closeEditor = useCallback(() => {
    const id = editingId;
    setEditingId(null);
    if (id !== null) requestAnimationFrame(() => editButtons.current.get(id)?.focus());
  }, [editingId]);

  const actions = useCallback(
    (row: UserRow) => (
      <>
        <UserUnlockButton user={row} send={unlockUser} onNotice={setNotice} />
        <UserLockToggle user={row} send={updateUser} onNotice={setNotice} />
        <button
          ref={(node) => {
            if (node) editButtons.current.set(row.id, node);
            else editButtons.current.delete(row.id);
          }}
          type="button"
          className="button"
          aria-label={t('userAdmin.editLabel', { name: row.fullName })}
          aria-expanded={editingId === row.id}
          onClick={() => setEditingId(editingId === row.id ? null : row.id)}
        >
          {t('userAdmin.edit')}
        </button>
      </>
    ),
    [t, updateUser, unlockUser, editingId],
  );

  return (
    <section className="page">
      <h1>{t('users.title')}</h1>
      <div className="filters">
        <SearchBox value={q} onSearch={onSearch} label={t('users.search')} hint={t('users.searchHint')} />
        <RoleFilter value={role} onChange={(next) => setParam('role', next)} />
        <label className="users-page__locked">
          <input
            type="checkbox"
            checked={locked}
            onChange={(event) => setParam('locked', event.target.checked ? '1' : undefined)}
          />
          {t('users.lockedOnly')}
        </label>
      </div>
      <CreateUserForm send={create.mutateAsync} />
      {notice?.ok === false ? (
        <p className="form__alert" role="alert">
          {notice.text}
        </p>
      ) : (
        <p className="form__success" role="status">
          {notice?.text ?? ''}
        </p>
      )}
      {users.isPending ? (
        <Spinner />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data.total === 0 ? (
        <p className="empty" role="status">
          {t('users.noResults')}
        </p>
      ) : (
        <div className="stack">
          <UsersTable rows={users.data.items} busy={users.isPlaceholderData} actions={actions} />
          {editing && (
            <UserEditPanel
              key={editing.id}
              user={editing}
              update={update.mutateAsync}
              resetPassword={reset.mutateAsync}
              onClose={closeEditor}
            />
          )}
          <Pagination
            page={page}
            pageSize={USERS_PAGE_SIZE}
            total={users.data.total}
            onPageChange={onPageChange}
            label={t('users.caption')}
          />
        </div>
      )}
      <LoginFailuresSection />
      <ApiTokensSection />
    </section>
  );
}
