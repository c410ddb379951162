// The plain-language notice a borrower receives before a limit decrease takes effect.
const ntd = (n: number) => `NT$${n.toLocaleString("en-US")}`;

export function noticeText(n: { oldLimit: number; newLimit: number; effectiveDate: Date; reasons: string[] }): string {
  const date = n.effectiveDate.toISOString().slice(0, 10);
  const reasons = n.reasons.length ? ` The main reasons: ${n.reasons.map((r) => r.replace(/\.$/, "")).join("; ")}.` : "";
  return (
    `Your credit limit will change from ${ntd(n.oldLimit)} to ${ntd(n.newLimit)} on ${date}.${reasons} ` +
    `Nothing changes before that date. You may appeal this decision by contacting us.`
  );
}

/** The notice a borrower receives when an announced decrease will not happen after all. */
export function cancellationText(n: { oldLimit: number; newLimit: number; effectiveDate: Date; why: string }): string {
  const date = n.effectiveDate.toISOString().slice(0, 10);
  return `The change of your credit limit from ${ntd(n.oldLimit)} to ${ntd(n.newLimit)} announced for ${date} will not take place: ${n.why}.`;
}
