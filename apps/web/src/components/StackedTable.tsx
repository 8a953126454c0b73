// A table that a phone reads as blocks of labelled lines (below 40rem, styles.css `.stacked-table`) instead of one to
// scroll sideways. The explicit roles keep the table's semantics, which Chromium drops once its rows no longer display
// as table rows. Each cell is labelled by the header at its position, as a table reads: a row's children are its
// cells' contents, and a column left out with `&&` takes no position, in the headers as in the rows.
import { createContext, useContext, type HTMLAttributes, type ReactNode } from 'react';

type DataAttributes = { [data: `data-${string}`]: string | undefined };

/** A column of buttons names itself to screen readers only, and shows no label in the stacked view. */
export type Header = string | { visuallyHidden: string };

const Labels = createContext<readonly string[]>([]);

export function StackedTable({
  headers,
  caption,
  labelledBy,
  children,
  ...data
}: {
  headers: readonly (Header | false)[];
  /** said to screen readers only, when no heading names the table */
  caption?: string;
  labelledBy?: string;
  children: ReactNode;
} & DataAttributes) {
  const shown = headers.filter((header): header is Header => header !== false);
  const labels = shown.map((header) => (typeof header === 'string' ? header : ''));
  return (
    <div className="table-wrap">
      <table className="stacked-table" role="table" aria-labelledby={labelledBy} {...data}>
        {caption && <caption className="visually-hidden">{caption}</caption>}
        <thead role="rowgroup">
          <tr role="row">
            {shown.map((header, i) => (
              <th key={i} scope="col" role="columnheader">
                {typeof header === 'string' ? header : <span className="visually-hidden">{header.visuallyHidden}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          <Labels.Provider value={labels}>{children}</Labels.Provider>
        </tbody>
      </table>
    </div>
  );
}

/** One row: each child is one cell's content (a fragment for a cell of several parts). */
export function Row({ children, ...props }: HTMLAttributes<HTMLTableRowElement> & DataAttributes) {
  const labels = useContext(Labels);
  return (
    <tr role="row" {...props}>
      {cellsOf(children).map((cell, i) => (
        <td key={i} role="cell" data-label={labels[i]}>
          {cell}
        </td>
      ))}
    </tr>
  );
}

/** `false` is a column left out (`cond && …`); a null or empty value is a cell with nothing to show, which must keep
 * its position (React's Children.toArray would drop it and shift every later label). */
function cellsOf(children: ReactNode): ReactNode[] {
  return (Array.isArray(children) ? (children as ReactNode[]) : [children]).filter((cell) => cell !== false);
}
