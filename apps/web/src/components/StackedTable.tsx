// A table that a phone reads as blocks of labelled lines (below 40rem, styles.css `.stacked-table`) instead of one to
// scroll sideways. The explicit roles keep the table's semantics, which Chromium drops once its rows no longer display
// as table rows; each cell carries its column's label for the stacked view.
import type { HTMLAttributes, ReactNode } from 'react';

type DataAttributes = { [data: `data-${string}`]: string | undefined };

export function StackedTable({
  headers,
  caption,
  labelledBy,
  children,
  ...data
}: {
  /** a header may be a node: a column of buttons names itself to screen readers only */
  headers: readonly ReactNode[];
  /** said to screen readers only, when no heading names the table */
  caption?: string;
  labelledBy?: string;
  children: ReactNode;
} & DataAttributes) {
  return (
    <div className="table-wrap">
      <table className="stacked-table" role="table" aria-labelledby={labelledBy} {...data}>
        {caption && <caption className="visually-hidden">{caption}</caption>}
        <thead role="rowgroup">
          <tr role="row">
            {headers.map((header, i) => (
              <th key={i} scope="col" role="columnheader">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">{children}</tbody>
      </table>
    </div>
  );
}

export function Row(props: HTMLAttributes<HTMLTableRowElement> & DataAttributes) {
  return <tr role="row" {...props} />;
}

export function Cell({ label, children }: { label: string; children: ReactNode }) {
  return (
    <td role="cell" data-label={label}>
      {children}
    </td>
  );
}
