// Number and date formatting shared by every page, so a figure reads the same everywhere.
// Fixed "en-US" locale: server and browser must render identical text (no hydration mismatch).

const intFmt = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const dec1Fmt = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const compactFmt = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

const MONTHS_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTHS_LONG = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];

/** 1234567 → "1,234,567". */
export const formatInt = (n: number) => intFmt.format(n);

/** 1234567 → "1,234,567.0"; for averages. */
export const formatDec1 = (n: number) => dec1Fmt.format(n);

/** New Taiwan dollars: 1234567 → "NT$1,234,567". */
export const formatNtd = (n: number) => `NT$${intFmt.format(n)}`;

/** Axis ticks: 1234567 → "NT$1.2M". */
export const formatNtdCompact = (n: number) => `NT$${compactFmt.format(n)}`;

/** Compact counts for axes: 12345 → "12.3K". */
export const formatCompact = (n: number) => compactFmt.format(n);

// One formatter per number of decimals: making an Intl.NumberFormat costs far more than using one.
const pctFmts = new Map<number, Intl.NumberFormat>();

/** Ratio → percent with `digits` decimals: 0.1234 → "12.3%". */
export function formatPct(ratio: number, digits = 1): string {
  let fmt = pctFmts.get(digits);
  if (!fmt) pctFmts.set(digits, (fmt = new Intl.NumberFormat("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return `${fmt.format(ratio * 100)}%`;
}

/** Probability of default, always 2 decimals: 0.12345 → "12.35%". */
export const formatPd = (pd: number) => formatPct(pd, 2);

/** Model metrics (AUC, KS, Gini) as plain 3-decimal numbers. */
export const formatMetric = (x: number) => x.toFixed(3);

function monthParts(month: string): [number, number] {
  const [y, m] = month.split("-").map(Number);
  return [y, m];
}

/** "2005-09" → "Sep 2005". */
export function formatMonth(month: string): string {
  const [y, m] = monthParts(month);
  return MONTHS_SHORT[m - 1] ? `${MONTHS_SHORT[m - 1]} ${y}` : month;
}

/** "2005-09" → "September 2005". */
export function formatMonthLong(month: string): string {
  const [y, m] = monthParts(month);
  return MONTHS_LONG[m - 1] ? `${MONTHS_LONG[m - 1]} ${y}` : month;
}

/** Signed points: -12 → "−12", 5 → "+5" (true minus sign reads better in tables). */
export const formatSigned = (n: number) => (n > 0 ? `+${intFmt.format(n)}` : n < 0 ? `−${intFmt.format(-n)}` : "0");

/** Fixed decimals with a true minus sign: -0.5764 → "−0.576" (same glyph as formatSigned). */
export const formatDecimal = (n: number, digits: number) => (n < 0 ? `−${(-n).toFixed(digits)}` : n.toFixed(digits));

/** ISO timestamp → "2026-01-15" (UTC, so server and browser render the same text). */
export const formatDate = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : "—");

/** ISO timestamp → "2026-01-15 14:03 UTC". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;
}
