import { Stat, StatGrid } from "@/components/stat";
import { TierBadge } from "@/components/tier-badge";
import { formatDate, formatInt, formatMonthLong, formatNtd, formatPct, formatPd } from "@/lib/format";
import type { BorrowerDetail } from "../schema";

export type LimitOutlook = { pendingLimit: number | null; scheduled: { newLimit: number; effectiveDate: string } | null };

const left = (limit: number, balance: number) => formatNtd(Math.max(limit - Math.max(balance, 0), 0));

/**
 * Decision-first figures (issue 11 §6): limit, balance, available credit (now and after the
 * scheduled or pending change), utilisation, then score, tier and PD.
 */
export function BorrowerSummary({ borrower, outlook }: { borrower: BorrowerDetail; outlook?: LimitOutlook }) {
  const latest = borrower.history.findLast((h) => h.score != null);
  const asOf = latest ? `As of ${formatMonthLong(latest.month)}` : "Not scored";
  const after = [
    outlook?.scheduled ? `${left(outlook.scheduled.newLimit, borrower.balance)} from ${formatDate(outlook.scheduled.effectiveDate)} (scheduled)` : null,
    outlook?.pendingLimit != null ? `${left(outlook.pendingLimit, borrower.balance)} if the pending change is approved` : null,
  ].filter(Boolean);
  return (
    <StatGrid className="grid-cols-2 md:grid-cols-4 xl:grid-cols-7">
      <Stat label="Current limit" value={formatNtd(borrower.limit)} />
      <Stat label="Balance" value={formatNtd(Math.max(borrower.balance, 0))} hint="Latest bill (a credit counts as 0)" />
      <Stat label="Available credit" value={formatNtd(Math.max(borrower.availableCredit, 0))} hint={after.length ? `After: ${after.join("; ")}` : "Limit − balance"} />
      <Stat label="Utilisation" value={borrower.limit > 0 ? formatPct(Math.max(borrower.balance, 0) / borrower.limit) : "—"} hint="Balance ÷ limit" />
      <Stat label="Latest score" value={latest?.score != null ? formatInt(latest.score) : "—"} hint={asOf} />
      <Stat label="Risk tier" value={<TierBadge tier={borrower.tier} />} hint={borrower.tierChangeCause === "POLICY" ? "Re-tiered by the active policy" : asOf} />
      <Stat label="Probability of default" value={latest?.pd != null ? formatPd(latest.pd) : "—"} hint={asOf} />
    </StatGrid>
  );
}

/** Hindsight, for model validation only: never beside the decision forms. */
export function ObservedOutcome({ outcome }: { outcome: 0 | 1 }) {
  return (
    <p className="text-sm text-slate-800">
      {outcome === 1 ? "Defaulted in October 2005." : "Did not default in October 2005."}{" "}
      <span className="text-slate-600">Known only in hindsight (the month after the data end): used to validate the model, not to decide this borrower&apos;s limit.</span>
    </p>
  );
}
