/** Plain-English wording for bin ranges (lower <= x < upper), by characteristic kind. */
import type { FeatureDef } from "./features";

const STATUS_NAMES: Record<number, string> = { [-2]: "No use", [-1]: "Paid in full", 0: "Revolving credit" };
const statusName = (s: number) => STATUS_NAMES[s] ?? `${s} month${s === 1 ? "" : "s"} late`;
const pct = (x: number) => `${Number((x * 100).toFixed(1))}%`;
const ntd = (x: number) => `NT$${Math.round(x).toLocaleString("en-US")}`;

/** Integer-valued kinds: the inclusive range of whole values a..b the bin holds (b null = open). */
function integerRange(lower: number | null, upper: number | null, min: number): [number, number | null] {
  return [lower ?? min, upper === null ? null : upper - 1];
}

function statusLabel(lower: number | null, upper: number | null): string {
  const [a, b] = integerRange(lower, upper, -2);
  if (b === null) return a === -2 ? "Any" : `${statusName(a)} or worse`;
  if (a === b) return statusName(a);
  if (a >= 1) return `${a} to ${b} months late`;
  return `${statusName(a)} to ${statusName(b).toLowerCase()}`;
}

function countLabel(lower: number | null, upper: number | null): string {
  const [a, b] = integerRange(lower, upper, 0);
  if (b === null) return `${a} or more months`;
  if (a === b) return `${a} month${a === 1 ? "" : "s"}`;
  return `${a} to ${b} months`;
}

/** Months since the latest late payment; the top bin (6) means none in the known months. */
function recencyLabel(lower: number | null, upper: number | null): string {
  const [a, b] = integerRange(lower, upper, 0);
  const ago = (k: number) => (k === 0 ? "this month" : `${k} month${k === 1 ? "" : "s"} ago`);
  if (b === null && a >= 6) return "No late payment in the known months";
  if (b === null) return a === 0 ? "Any" : `Late ${ago(a)} or earlier, or never`;
  if (a === b) return `Late ${ago(a)}`;
  return a === 0 ? `Late in the last ${b + 1} months` : `Late ${a} to ${b} months ago`;
}

function continuousLabel(lower: number | null, upper: number | null, fmt: (x: number) => string): string {
  if (lower === null && upper === null) return "Any";
  if (lower === null) return `Under ${fmt(upper as number)}`;
  if (upper === null) return `${fmt(lower)} or more`;
  return `${fmt(lower)} to under ${fmt(upper)}`;
}

export function binLabel(def: FeatureDef, lower: number | null, upper: number | null): string {
  switch (def.kind) {
    case "status":
      return statusLabel(lower, upper);
    case "count":
      return countLabel(lower, upper);
    case "recency":
      return recencyLabel(lower, upper);
    case "ratio":
      return continuousLabel(lower, upper, pct);
    case "amount":
      // Amounts are whole NT$, so [.., 1) holds only 0.
      return lower === null && upper === 1 ? "NT$0" : continuousLabel(lower, upper, ntd);
    case "flag": {
      const [no, yes] = def.flagLabels ?? ["No", "Yes"];
      return lower === null && upper !== null ? no : upper === null && lower !== null ? yes : "Any";
    }
  }
}

/** Snap candidate cut points to readable values for each kind. */
export function roundCut(def: FeatureDef): (x: number) => number {
  switch (def.kind) {
    case "status":
    case "count":
    case "recency":
    case "flag":
      return (x) => Math.ceil(x);
    case "ratio":
      return (x) => Math.round(x * 100) / 100;
    case "amount":
      return (x) => (x <= 0 ? 0 : Number(x.toPrecision(2)));
  }
}
