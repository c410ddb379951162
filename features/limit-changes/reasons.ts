// What a borrower is told about a limit change (issue 11 §3). Pure: notices, the inbox and the
// tests share it. A decrease gives the adverse reasons and advice (the characteristics where the
// borrower could gain most points, in words of what to do); an increase never carries an adverse
// reason: it gets the positive ones.
import { loadModel } from "@/features/scoring/model-types";
import { bestPoints, positiveReasons } from "@/features/scoring/reason-codes";
import type { ExpandedReason } from "@/features/scoring/reason-store";


/** What a borrower can do about each characteristic, keyed by reason code (every candidate, RC01–RC24). */
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
  ["RC11", "paying off a larger share of each bill"],
  ["RC12", "keeping part of your credit line unused"],
  ["RC13", "making a larger payment next month"],
  ["RC14", "paying your full balance whenever you can"],
  ["RC15", "paying a good part of every bill, every month"],
  ["RC16", "paying off a larger share of each bill"],
  ["RC17", "paying a larger share of your next bill"],
  ["RC18", "keeping your balance from growing month after month"],
  ["RC19", "paying at least the minimum on time every month"],
  ["RC20", "paying on time from now on: a late payment counts less with every month that passes"],
  ["RC21", "paying at least the minimum on time every month"],
  ["RC22", "avoiding any late payment for three months"],
  ["RC23", "bringing your balance down well below your limit"],
  ["RC24", "making a payment every month, however small"],
]);

/**
 * Advice for the other side of a learned-shape characteristic (a bin with its own reason text,
 * e.g. "little or no use of the credit line"): the opposite of the usual advice.
 */
export const OTHER_SIDE_ADVICE: ReadonlyMap<string, string> = new Map([
  ["RC08", "using your card for regular purchases and paying them off"],
  ["RC09", "using your card for regular purchases and paying them off"],
  ["RC12", "using your card for regular purchases and paying them off"],
  ["RC18", "using your card regularly and paying it off each month"],
  ["RC23", "using your card from time to time and paying it off"],
]);

const model = loadModel();
const best = bestPoints(model);
const positiveText = new Map(model.characteristics.map((c) => [c.code, c.positiveText]));
// "code|text" of every bin-specific (other-side) reason the active model gives.
const otherSideReasons = new Set(model.characteristics.flatMap((c) => c.bins.flatMap((b) => (b.reasonText ? [`${c.code}|${b.reasonText}`] : []))));
const adviceOf = (c: ExpandedReason) =>
  otherSideReasons.has(`${c.code}|${c.text}`) ? OTHER_SIDE_ADVICE.get(c.code) : ADVICE.get(c.code);

/**
 * The characteristics where the borrower could gain most points (largest points lost first), as
 * advice. `codes` must carry pointsLost (the state's full adverse list); at most `max` pieces.
 */
export function adviceFor(codes: ExpandedReason[], max = 2): string[] {
  return codes
    .filter((c) => (c.pointsLost ?? 0) > 0 && adviceOf(c) !== undefined)
    .sort((a, b) => (b.pointsLost ?? 0) - (a.pointsLost ?? 0))
    .slice(0, max)
    .map((c) => adviceOf(c)!);
}

/**
 * Positive reasons for an increase. With the state's full adverse list (every losing
 * characteristic with its points lost) the borrower's points are known exactly: best − lost, so
 * the scorecard's positive reasons apply; a manual pick of codes (no points) gets each code's
 * positive wording.
 */
export function positiveReasonsFor(codes: ExpandedReason[], max = 4): ExpandedReason[] {
  const full = codes.length === 0 || codes.every((c) => c.pointsLost != null);
  if (!full) return codes.filter((c) => positiveText.has(c.code)).map((c) => ({ code: c.code, text: positiveText.get(c.code)!, pointsLost: null }));
  const lost = new Map(codes.map((c) => [c.code, c.pointsLost ?? 0]));
  const points = model.characteristics.map((c, i) => best[i] - (lost.get(c.code) ?? 0));
  return positiveReasons(model, points, max).map((r) => ({ code: r.code, text: r.text, pointsLost: null }));
}

/** The reasons shown with a change: adverse for a decrease, positive for an increase. */
export function reasonsForChange(delta: number, codes: ExpandedReason[]): ExpandedReason[] {
  return delta > 0 ? positiveReasonsFor(codes) : codes;
}
