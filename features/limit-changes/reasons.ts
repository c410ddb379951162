// What a borrower is told about a limit change (issue 11 §3). Pure: notices, the inbox and the
// tests share it. A decrease gives the adverse reasons and advice (the characteristics where the
// borrower could gain most points, in words of what to do); an increase never carries an adverse
// reason: it gets the positive ones.
import { loadModel } from "@/features/scoring/model-types";
import { bestPoints, positiveReasons } from "@/features/scoring/reason-codes";

export type StoredReason = { code: string; text: string; pointsLost: number | null };

/** What a borrower can do about each characteristic, keyed by reason code (scorecard v2, RC01–RC10). */
export const ADVICE: ReadonlyMap<string, string> = new Map([
  ["RC01", "paying at least the minimum on time next month"],
  ["RC02", "avoiding any late payment for six months"],
  ["RC03", "paying on time every month for the next six months"],
  ["RC04", "making a payment every month for three months, however small"],
  ["RC05", "paying at least the minimum on time for three months"],
  ["RC06", "paying more than the minimum each month"],
  ["RC07", "paying more than the minimum over the next three months"],
  ["RC08", "keeping your balance well below your limit"],
  ["RC09", "leaving part of your credit line unused every month"],
  ["RC10", "using the card from time to time and paying it off"],
]);

const model = loadModel();
const best = bestPoints(model);
const positiveText = new Map(model.characteristics.map((c) => [c.code, c.positiveText]));

/**
 * The characteristics where the borrower could gain most points (largest points lost first), as
 * advice. `codes` must carry pointsLost (the state's full adverse list); at most `max` pieces.
 */
export function adviceFor(codes: StoredReason[], max = 2): string[] {
  return codes
    .filter((c) => (c.pointsLost ?? 0) > 0 && ADVICE.has(c.code))
    .sort((a, b) => (b.pointsLost ?? 0) - (a.pointsLost ?? 0))
    .slice(0, max)
    .map((c) => ADVICE.get(c.code)!);
}

/**
 * Positive reasons for an increase. With the state's full adverse list (every losing
 * characteristic with its points lost) the borrower's points are known exactly: best − lost, so
 * the scorecard's positive reasons apply; a manual pick of codes (no points) gets each code's
 * positive wording.
 */
export function positiveReasonsFor(codes: StoredReason[], max = 4): StoredReason[] {
  const full = codes.length === 0 || codes.every((c) => c.pointsLost != null);
  if (!full) return codes.filter((c) => positiveText.has(c.code)).map((c) => ({ code: c.code, text: positiveText.get(c.code)!, pointsLost: null }));
  const lost = new Map(codes.map((c) => [c.code, c.pointsLost ?? 0]));
  const points = model.characteristics.map((c, i) => best[i] - (lost.get(c.code) ?? 0));
  return positiveReasons(model, points, max).map((r) => ({ code: r.code, text: r.text, pointsLost: null }));
}

/** The reasons shown with a change: adverse for a decrease, positive for an increase. */
export function reasonsForChange(delta: number, codes: StoredReason[]): StoredReason[] {
  return delta > 0 ? positiveReasonsFor(codes) : codes;
}
