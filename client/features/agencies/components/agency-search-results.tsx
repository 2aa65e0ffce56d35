import { createColumnHelper } from '@tanstack/react-table';
import { type ReactNode, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/data-table';
import { ErrorState } from '../../../components/error-state';
import { Pagination } from '../../../components/pagination';
import { Spinner } from '../../../components/spinner';
import { type AgencyItem, agencyName, parentName } from '../agency-name';
import { useIsAdmin, useRenameAgency } from '../api/agency-admin';
import { SEARCH_PAGE_SIZE, useAgencySearch } from '../api/agency-queries';
import { AgencyRenameForm } from './agency-rename-form';

const column = createColumnHelper<AgencyItem>();

function useColumns(actions: ((row: AgencyItem) => ReactNode) | null) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(
    () => [
      column.accessor((row) => agencyName(row, language), { id: 'name', header: t('agencies.name') }),
      column.accessor((row) => t(`kinds.${row.kind}`), { id: 'kind', header: t('agencies.kind') }),
      column.accessor((row) => t(`levels.${row.level}`), { id: 'level', header: t('agencies.level') }),
      column.accessor((row) => parentName(row, language) ?? '', {
        id: 'parent',
        header: t('agencies.parent'),
        cell: (info) => info.getValue() || '—',
      }),
      ...(actions
        ? [
            column.display({
              id: 'actions',
              header: t('agencyAdmin.actions'),
              cell: (info) => <div className="row-actions">{actions(info.row.original)}</div>,
            }),
          ]
        : []),
    ],
    [t, language, actions],
  );
}

interface AgencySearchResultsProps {
  q: string;
  page: number;
  onPageChange: (page: number) => void;
}

export function AgencySearchResults({ q, page, onPageChange }: AgencySearchResultsProps) {
  const { t, i18n } = useTranslation();
  const isAdmin = useIsAdmin();
  const rename = useRenameAgency();
  const [renamingId, setRenamingId] = useState<number | null>(null);
  const buttons = useRef(new Map<number, HTMLButtonElement>());
  const renameAction = useCallback(
    (row: AgencyItem) => (
      <button
        ref={(node) => {
          if (node) buttons.current.set(row.id, node);
          else buttons.current.delete(row.id);
        }}
        type="button"
        className="button"
        aria-label={t('agencyAdmin.renameLabel', { name: agencyName(row, i18n.language) })}
        aria-expanded={renamingId === row.id}
        onClick={() => setRenamingId(renamingId === row.id ? null : row.id)}
      >
        {t('agencyAdmin.rename')}
      </button>
    ),
    [t, i18n.language, renamingId],
  );
  const columns = useColumns(isAdmin ? renameAction : null);
  const search = useAgencySearch(q, page);
  const closeRename = () => {
    const id = renamingId;
    setRenamingId(null);
    if (id !== null) requestAnimationFrame(() => buttons.current.get(id)?.focus());
  };

  if (search.isPending) return <Spinner />;
  if (search.isError) return <ErrorState error={search.error} onRetry={() => void search.refetch()} />;
  const { items, total } = search.data;
  const renaming = isAdmin ? items.find((a) => a.id === renamingId) : undefined;
  if (total === 0) {
    return (
      <p className="empty" role="status">
        {t('agencies.noResults')}
      </p>
    );
  }
  return (
    <div className="stack">
      <DataTable
        caption={t('agencies.resultsCaption', { q })}
        columns={columns}
        data={items}
        getRowId={(row) => String(row.id)}
        busy={search.isPlaceholderData}
      />
      {renaming && (
        <AgencyRenameForm
          key={renaming.id}
          agency={renaming}
          send={rename.mutateAsync}
          onClose={closeRename}
        />
      )}
      <Pagination page={page} pageSize={SEARCH_PAGE_SIZE} total={total} onPageChange={onPageChange} />
    </div>
  );
}
