import { createContext, type ReactNode, useContext } from 'react';

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
  /**
   * On a narrow screen: `stack` shows each row as a block, each cell under its column's name (the
   * default above two columns); `scroll` keeps the grid in its own scroll box (two columns, or a matrix
   * read across, such as a heatmap).
   */
  reflow?: Reflow | undefined;
}

export type Reflow = 'stack' | 'scroll';

/** The stacked layout's table class, for tables of more than two columns unless told otherwise. */
export function reflowClass(reflow: Reflow | undefined, columnCount: number): string | undefined {
  return (reflow ?? (columnCount > 2 ? 'stack' : 'scroll')) === 'stack' ? 'data-table--stack' : undefined;
}

/**
 * A body cell's content with its column's name before it, shown only when the rows are stacked (CSS): a
 * phone reader then sees, and hears, which figure is which.
 */
export function LabelledCell({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <>
      <span className="cell-label">{label}</span>
      <span className="cell-value">{children}</span>
    </>
  );
}

const classOf = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ') || undefined;

/** The names of a stacked table's figure columns, for its rows of totals. */
const FigureLabels = createContext<readonly ReactNode[] | null>(null);

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
  reflow,
}: SimpleTableProps<Row>) {
  const stack = reflowClass(reflow, columns.length);
  return (
    <table className={classOf('data-table', stack, className)} aria-busy={busy} data-testid={testId}>
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
                  {stack ? (
                    <LabelledCell label={column.header}>{column.cell(row)}</LabelledCell>
                  ) : (
                    column.cell(row)
                  )}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
      {footer && (
        <tfoot>
          <FigureLabels.Provider value={stack ? columns.filter((c) => c.numeric).map((c) => c.header) : null}>
            {footer}
          </FigureLabels.Provider>
        </tfoot>
      )}
    </table>
  );
}

/** A row of totals: its name, then a figure per numeric column. */
export function TotalRow({ label, figures }: { label: ReactNode; figures: readonly ReactNode[] }) {
  const labels = useContext(FigureLabels);
  return (
    <tr>
      <th scope="row">{label}</th>
      {figures.map((figure, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the figures are fixed columns, in column order
        <td key={index} className="numeric">
          {labels ? <LabelledCell label={labels[index]}>{figure}</LabelledCell> : figure}
        </td>
      ))}
    </tr>
  );
}
