import type { ReactNode } from 'react';

export interface SimpleColumn<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Figures, right-aligned under a right-aligned header. */
  numeric?: boolean;
  /** The cell that names its row (`<th scope="row">`). */
  rowHeader?: boolean;
  /** More classes on the body cells (`nowrap`…). */
  cellClassName?: string;
}

interface SimpleTableProps<Row> {
  caption: ReactNode;
  captionId?: string | undefined;
  columns: readonly SimpleColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  /** Classes after `data-table` (`data-table--compact`, `heatmap`…). */
  className?: string | undefined;
  busy?: boolean | undefined;
  /** Rows of totals under the body. */
  footer?: ReactNode;
  testId?: string | undefined;
}

const classOf = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ') || undefined;

/** A table shown as it comes (no sorting): one header row, a row per item, optional totals. */
export function SimpleTable<Row>({
  caption,
  captionId,
  columns,
  rows,
  rowKey,
  className,
  busy,
  footer,
  testId,
}: SimpleTableProps<Row>) {
  return (
    <table
      className={className ? `data-table ${className}` : 'data-table'}
      aria-busy={busy}
      data-testid={testId}
    >
      <caption id={captionId}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.key} scope="col" className={classOf(column.numeric && 'numeric')}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((column) =>
              column.rowHeader ? (
                <th
                  key={column.key}
                  scope="row"
                  className={classOf(column.numeric && 'numeric', column.cellClassName)}
                >
                  {column.cell(row)}
                </th>
              ) : (
                <td key={column.key} className={classOf(column.numeric && 'numeric', column.cellClassName)}>
                  {column.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
      {footer && <tfoot>{footer}</tfoot>}
    </table>
  );
}

/** A row of totals: its name, then a figure per numeric column. */
export function TotalRow({ label, figures }: { label: ReactNode; figures: readonly ReactNode[] }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      {figures.map((figure, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the figures are fixed columns, in column order
        <td key={index} className="numeric">
          {figure}
        </td>
      ))}
    </tr>
  );
}
