/**
 * Compares two previews (or a subset of one, e.g. the figures SQL computes): whole numbers must be
 * equal, other numbers equal within a relative tolerance (float sums added in different orders).
 * Returns the differences as "path: a vs b" lines; empty means equal.
 */
export const RELATIVE_TOLERANCE = 1e-9;

type Options = { relTol?: number; /** only the keys present in `expected` are checked */ subset?: boolean };

export function compareFigures(expected: unknown, actual: unknown, options: Options = {}, path = ""): string[] {
  const relTol = options.relTol ?? RELATIVE_TOLERANCE;
  if (typeof expected === "number" && typeof actual === "number") {
    if (Number.isInteger(expected) && Number.isInteger(actual)) {
      return expected === actual ? [] : [`${path}: ${expected} vs ${actual}`];
    }
    const scale = Math.max(Math.abs(expected), Math.abs(actual));
    return Math.abs(expected - actual) <= relTol * scale ? [] : [`${path}: ${expected} vs ${actual} (relative ${Math.abs(expected - actual) / scale})`];
  }
  if (expected !== null && actual !== null && typeof expected === "object" && typeof actual === "object") {
    if (Array.isArray(expected) !== Array.isArray(actual)) return [`${path}: array vs object`];
    const e = expected as Record<string, unknown>, a = actual as Record<string, unknown>;
    const keys = new Set(Object.keys(e));
    if (!options.subset) for (const k of Object.keys(a)) keys.add(k);
    return [...keys].flatMap((k) => {
      const at = path ? `${path}.${k}` : k;
      return k in a && k in e ? compareFigures(e[k], a[k], options, at) : [`${at}: missing on one side`];
    });
  }
  return Object.is(expected, actual) ? [] : [`${path}: ${JSON.stringify(expected)} vs ${JSON.stringify(actual)}`];
}
