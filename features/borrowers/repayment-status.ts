/** UCI PAY_x repayment status in plain language: -2, -1, 0 are states; n > 0 is months of delay. */
export function repaymentStatusText(status: number): string {
  if (status <= -2) return "No consumption";
  if (status === -1) return "Paid in full";
  if (status === 0) return "Revolving credit";
  return `${status} month${status === 1 ? "" : "s"} late`;
}

/** Badge tint: late payments stand out, the rest stays neutral. */
export function repaymentStatusClass(status: number): string {
  if (status >= 2) return "bg-red-50 text-red-800 ring-red-600/30";
  if (status === 1) return "bg-amber-50 text-amber-900 ring-amber-600/30";
  return "bg-slate-50 text-slate-700 ring-slate-500/30";
}
