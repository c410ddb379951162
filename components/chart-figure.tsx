import type { ReactNode } from "react";
import { cn } from "./cn";

type Props = {
  /** One-sentence summary read by screen readers (the figure's accessible name). */
  summary: string;
  /** The same data as a table, visually hidden: the chart's text alternative. */
  table: ReactNode;
  /** Visible chart; hidden from assistive tech because `table` carries its content. */
  children: ReactNode;
  className?: string;
};

/**
 * A chart with its text alternative. The SVG is aria-hidden and not focusable (charts are drawn
 * with accessibilityLayer off), so keyboard users never get stuck in it.
 */
export function ChartFigure({ summary, table, children, className }: Props) {
  return (
    <figure className={cn("m-0", className)}>
      <figcaption className="sr-only">{summary}</figcaption>
      <div aria-hidden="true">{children}</div>
      <div className="sr-only">{table}</div>
    </figure>
  );
}

/** A minimal data table for ChartFigure: first column = row header. */
export function DataTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: Array<Array<string | number>> }) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([head, ...cells], i) => (
          <tr key={i}>
            <th scope="row">{head}</th>
            {cells.map((cell, j) => (
              <td key={j}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
