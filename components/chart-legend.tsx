// A chart's legend as plain HTML under the drawing, rendered with the page: recharts' own legend
// measures itself once drawn and redraws the whole chart to make room (a second pass per chart).
// Text in slate (series colours as text can fall below 4.5:1 contrast), series in declared order.
export type LegendItem = { label: string; color: string; shape?: "square" | "line" };

export function ChartLegend({ items }: { items: LegendItem[] }) {
  return (
    <ul className="mt-1 flex flex-wrap justify-center gap-x-4 gap-y-1 text-xs text-slate-700">
      {items.map((item) => (
        <li key={item.label} className="flex items-center gap-1.5">
          <span aria-hidden="true" className={item.shape === "line" ? "h-0.5 w-4" : "size-2.5"} style={{ backgroundColor: item.color }} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
