// Shared Recharts styling: small slate axis text (≥ 4.5:1 on white), light grid.
export const AXIS_TICK = { fontSize: 11, fill: "#475569" } as const;
export const AXIS_LINE = { stroke: "#cbd5e1" } as const;
export const GRID_STROKE = "#e2e8f0";
export const TOOLTIP_STYLE = { fontSize: 12, borderRadius: 6, borderColor: "#cbd5e1" } as const;
/** Good (did not default) vs bad (defaulted) outcome colours. */
export const GOOD_COLOR = "#2563eb";
export const BAD_COLOR = "#b91c1c";
