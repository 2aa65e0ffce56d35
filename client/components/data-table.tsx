import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  type Header,
  type SortingState,
  useReactTable,
} from '@tanstack/react-table';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareVietnamese } from '../lib/vietnamese-collator';
import { ScrollRegion } from './scroll-region';
import { LabelledCell, type Reflow, reflowClass } from './simple-table';

interface DataTableProps<Row> {
  caption: ReactNode;
  columns: ColumnDef<Row, never>[];
  data: Row[];
  getRowId: (row: Row) => string;
  /** True while newer data is on its way; the old rows stay visible meanwhile. */
  busy?: boolean;
  /** On a narrow screen: rows stacked, each cell under its column's name, or the grid scrolled (`SimpleTable`). */
  reflow?: Reflow;
}

function SortableHeader<Row>({ header }: { header: Header<Row, unknown> }) {
  const { t } = useTranslation();
  const label = flexRender(header.column.columnDef.header, header.getContext());
  if (!header.column.getCanSort()) return <>{label}</>;
  const sorted = header.column.getIsSorted();
  const hint =
    sorted === 'asc'
      ? t('common.sortAscending')
      : sorted === 'desc'
        ? t('common.sortDescending')
        : t('common.sortable');
  return (
    <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
      {label}
      <span className="visually-hidden">, {hint}</span>
      <span className="sort-button__icon" aria-hidden="true">
        {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
      </span>
    </button>
  );
}

function ariaSort(sorted: false | 'asc' | 'desc') {
  if (sorted === 'asc') return 'ascending';
  if (sorted === 'desc') return 'descending';
  return undefined;
}

/** A table of rows already fetched: sorts them in Vietnamese order; paging is the caller's (server-side). */
export function DataTable<Row>({
  caption,
  columns,
  data,
  getRowId,
  busy = false,
  reflow,
}: DataTableProps<Row>) {
  const captionId = useId();
  const [sorting, setSorting] = useState<SortingState>([]);
  const table = useReactTable({
    data,
    columns: columns as ColumnDef<Row, unknown>[],
    state: { sorting },
    onSortingChange: setSorting,
    getRowId,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    defaultColumn: {
      sortingFn: (a, b, columnId) => compareVietnamese(a.getValue(columnId), b.getValue(columnId)),
    },
  });
  const stack = reflowClass(reflow, columns.length);
  const headers = new Map(table.getFlatHeaders().map((header) => [header.column.id, header]));
  const labelOf = (columnId: string) => {
    const header = headers.get(columnId);
    return header && flexRender(header.column.columnDef.header, header.getContext());
  };
  return (
    <ScrollRegion labelledBy={captionId}>
      <table className={stack ? `data-table ${stack}` : 'data-table'} aria-busy={busy}>
        <caption id={captionId}>{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col" aria-sort={ariaSort(header.column.getIsSorted())}>
                  {header.isPlaceholder ? null : <SortableHeader header={header} />}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getVisibleCells().map((cell, index) =>
                index === 0 ? (
                  <th key={cell.id} scope="row">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </th>
                ) : (
                  <td key={cell.id}>
                    {stack ? (
                      <LabelledCell label={labelOf(cell.column.id)}>
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </LabelledCell>
                    ) : (
                      flexRender(cell.column.columnDef.cell, cell.getContext())
                    )}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
