// Shared Recharts styling: small slate axis text (≥ 4.5:1 on white), light grid.
export const AXIS_TICK = { fontSize: 11, fill: "#475569" } as const;
export const AXIS_LINE = { stroke: "#cbd5e1" } as const;
export const GRID_STROKE = "#e2e8f0";
export const TOOLTIP_STYLE = { fontSize: 12, borderRadius: 6, borderColor: "#cbd5e1" } as const;
/** Good (did not default) vs bad (defaulted) outcome colours. */
export const GOOD_COLOR = "#2563eb";
export const BAD_COLOR = "#b91c1c";

/**
 * Legend props: keep series order as declared (not alphabetical) and write the text in slate,
 * since series colours as text can fall below 4.5:1 contrast.
 */
export const LEGEND_PROPS = {
  itemSorter: null,
  wrapperStyle: { fontSize: 12 },
  formatter: (value: unknown) => <span style={{ color: "#334155" }}>{String(value)}</span>,
} as const;
