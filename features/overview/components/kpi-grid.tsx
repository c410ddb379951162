import { Stat, StatGrid } from "@/components/stat";
import { formatDec1, formatInt, formatMonthLong, formatNtd, formatPct, formatPd } from "@/lib/format";
import type { Overview } from "../data";

export function KpiGrid({ overview }: { overview: Overview }) {
  const month = overview.month ? formatMonthLong(overview.month) : "latest month";
  return (
    <StatGrid className="grid-cols-2 md:grid-cols-3 xl:grid-cols-6">
      <Stat label="Borrowers" value={formatInt(overview.borrowers)} hint={`Scored in ${month}`} />
      <Stat label="Exposure (sum of limits)" value={formatNtd(overview.exposure)} />
      <Stat label="Total balance" value={formatNtd(overview.balance)} hint={`Billed ${month}`} />
      <Stat label="Average score" value={formatDec1(overview.averageScore)} hint="Scale 350–950, higher is safer" />
      <Stat label="Average PD" value={formatPd(overview.averagePd)} hint="Model probability of default" />
      <Stat label="Observed default rate" value={formatPct(overview.observedDefaultRate)} hint="Defaulted in October 2005" />
    </StatGrid>
  );
}
