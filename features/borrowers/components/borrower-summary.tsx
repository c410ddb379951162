import { Stat, StatGrid } from "@/components/stat";
import { TierBadge } from "@/components/tier-badge";
import { formatInt, formatMonthLong, formatNtd, formatPd } from "@/lib/format";
import type { BorrowerDetail } from "../schema";

/** Current limit and tier (the borrower's state), key figures of the latest scored month, the observed outcome. */
export function BorrowerSummary({ borrower }: { borrower: BorrowerDetail }) {
  const latest = borrower.history.findLast((h) => h.score != null);
  const asOf = latest ? `As of ${formatMonthLong(latest.month)}` : "Not scored";
  return (
    <StatGrid className="grid-cols-2 md:grid-cols-3 xl:grid-cols-6">
      <Stat label="Current limit" value={formatNtd(borrower.limit)} />
      <Stat label="Available credit" value={formatNtd(borrower.availableCredit)} hint="Limit − latest balance" />
      <Stat label="Latest score" value={latest?.score != null ? formatInt(latest.score) : "—"} hint={asOf} />
      <Stat label="Probability of default" value={latest?.pd != null ? formatPd(latest.pd) : "—"} hint={asOf} />
      <Stat label="Risk tier" value={<TierBadge tier={borrower.tier} />} hint={borrower.tierChangeCause === "POLICY" ? "Re-tiered by the active policy" : asOf} />
      <Stat
        label="Observed outcome"
        value={borrower.outcome === 1 ? "Defaulted in Oct 2005" : "Did not default"}
        hint="October 2005 payment"
      />
    </StatGrid>
  );
}
