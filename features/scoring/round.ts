/** Fixed-precision numbers for model.json, so a re-fit writes byte-identical output. */
export const DECIMALS = 6;
export function r6(x: number): number {
  const v = Number(x.toFixed(DECIMALS));
  return Object.is(v, -0) ? 0 : v;
}
