// The plain-language notices a borrower receives about a limit change (issue 11 §3): every one
// says the new limit and, with the current balance, the credit that will be available.
const ntd = (n: number) => `NT$${n.toLocaleString("en-US")}`;
const day = (d: Date) => d.toISOString().slice(0, 10);
const sentence = (parts: string[]) => parts.map((r) => r.replace(/\.$/, "")).join("; ");

/** "…with your current balance NT$Y you will have NT$Z available" (never below zero). */
export function availableLine(limit: number, balance: number, future = true): string {
  const owed = Math.max(balance, 0);
  return `With your current balance of ${ntd(owed)} you ${future ? "will have" : "have"} ${ntd(Math.max(limit - owed, 0))} available.`;
}

export function noticeText(n: { oldLimit: number; newLimit: number; effectiveDate: Date; reasons: string[]; balance: number; advice?: string[] }): string {
  const reasons = n.reasons.length ? ` The main reasons: ${sentence(n.reasons)}.` : "";
  const advice = n.advice?.length ? ` What you can do: ${sentence(n.advice)} would improve your standing most.` : "";
  return (
    `Your credit limit will change from ${ntd(n.oldLimit)} to ${ntd(n.newLimit)} on ${day(n.effectiveDate)}. ${availableLine(n.newLimit, n.balance)}${reasons}${advice} ` +
    `Nothing changes before that date. You may appeal this decision by contacting us.`
  );
}

/** An increase: applied at once, with positive reasons only. */
export function increaseText(n: { oldLimit: number; newLimit: number; effectiveDate: Date; reasons: string[]; balance: number }): string {
  const reasons = n.reasons.length ? ` Thank you: ${sentence(n.reasons)}.` : "";
  return `Your credit limit has been raised from ${ntd(n.oldLimit)} to ${ntd(n.newLimit)} as of ${day(n.effectiveDate)}. ${availableLine(n.newLimit, n.balance, false)}${reasons}`;
}

/** The notice a borrower receives when an announced decrease will not happen after all. */
export function cancellationText(n: { oldLimit: number; newLimit: number; effectiveDate: Date; why: string; balance: number }): string {
  return (
    `The change of your credit limit from ${ntd(n.oldLimit)} to ${ntd(n.newLimit)} announced for ${day(n.effectiveDate)} will not take place: ${n.why}. ` +
    `Your limit stays ${ntd(n.oldLimit)}. ${availableLine(n.oldLimit, n.balance, false)}`
  );
}

/** A decrease already applied was reversed on appeal: the previous limit is back. */
export function restoredText(n: { fromLimit: number; toLimit: number; balance: number }): string {
  return `Your appeal was upheld: your credit limit is back from ${ntd(n.fromLimit)} to ${ntd(n.toLimit)} as of today. ${availableLine(n.toLimit, n.balance, false)}`;
}
