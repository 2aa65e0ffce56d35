import { createColumnHelper } from '@tanstack/react-table';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/data-table';
import { formatDateTime } from '../../../lib/format';
import type { UserRow } from './user-lock-toggle';

const column = createColumnHelper<UserRow>();

function useColumns(actions: (row: UserRow) => ReactNode) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(
    () => [
      column.accessor('fullName', { header: t('users.fullName') }),
      column.accessor('username', { header: t('users.username') }),
      column.accessor((row) => t(`roles.${row.role}`), { id: 'role', header: t('users.role') }),
      column.accessor((row) => (language === 'en' ? row.agencyNameEn : row.agencyNameVi), {
        id: 'agency',
        header: t('users.agency'),
      }),
      column.accessor((row) => (row.active ? t('users.active') : t('users.inactive')), {
        id: 'status',
        header: t('users.status'),
        cell: (info) => (
          <>
            {info.getValue()}
            {info.row.original.lockedUntil && (
              <>
                {' '}
                <span className="tag">
                  {t('users.lockedOut', { time: formatDateTime(info.row.original.lockedUntil) })}
                </span>
              </>
            )}
          </>
        ),
      }),
      column.display({
        id: 'actions',
        header: t('userAdmin.actions'),
        cell: (info) => <div className="row-actions">{actions(info.row.original)}</div>,
      }),
    ],
    [t, language, actions],
  );
}

export function UsersTable({
  rows,
  busy,
  actions,
}: {
  rows: UserRow[];
  busy: boolean;
  actions: (row: UserRow) => ReactNode;
}) {
  const { t } = useTranslation();
  const columns = useColumns(actions);
  return (
    <DataTable
      caption={t('users.caption')}
      columns={columns}
      data={rows}
      getRowId={(row) => String(row.id)}
      busy={busy}
    />
  );
}
