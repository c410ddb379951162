import Link from "next/link";
import { Card } from "@/components/card";
import { Stat, StatGrid } from "@/components/stat";
import { RowTh, Table, TableShell, Td, Th } from "@/components/table";
import { formatInt, formatMetric, formatMonth, formatPct } from "@/lib/format";
import type { MonitoringReport } from "../report";
import type { MonthSummary } from "../data";
import { CsiTable } from "./csi-table";
import { BadRateByMonth, TierMixByMonth } from "./monthly-tables";
import { LightBadge } from "./light-badge";
import { ReliabilityTable } from "./reliability-table";

type Props = {
  report: MonitoringReport;
  available: Array<{ month: string; references: string[] }>;
  months: MonthSummary[];
};

/** The stored monitoring report of one month against its reference (read, never computed here). */
export function MonitoringSection({ report: r, available, months }: Props) {
  const perf = r.performance;
  return (
    <section aria-labelledby="monitoring-heading" className="space-y-3">
      <h2 id="monitoring-heading" className="text-base font-semibold text-slate-900">
        Monitoring: {formatMonth(r.month)} against {formatMonth(r.reference)}
      </h2>
      <nav aria-label="Monitoring month" className="flex flex-wrap gap-2 text-sm">
        {available.flatMap((a) =>
          a.references.map((ref) => (
            <Link
              key={`${a.month}/${ref}`}
              href={`/model?month=${a.month}&reference=${ref}#monitoring-heading`}
              aria-current={a.month === r.month && ref === r.reference ? "page" : undefined}
              className="rounded border border-slate-200 px-2 py-0.5 text-slate-800 hover:bg-slate-50 aria-[current=page]:bg-slate-900 aria-[current=page]:text-white"
            >
              {formatMonth(a.month)} vs {formatMonth(ref)}
            </Link>
          )),
        )}
      </nav>
      <StatGrid className="grid-cols-2 md:grid-cols-4">
        <Stat label="Score PSI" value={<>{r.scorePsi.value.toFixed(3)} <LightBadge light={r.scorePsi.light} /></>} hint="Amber ≥ 0.10, red ≥ 0.25" />
        <Stat label="Borrowers scored" value={formatInt(r.n)} hint={`Model ${r.modelVersion}`} />
        <Stat
          label="AUC / KS"
          value={perf.status === "known" ? `${formatMetric(perf.auc)} / ${formatMetric(perf.ks)}` : "Outcome not yet known"}
          hint={
            r.outcome
              ? `Outcome: default in ${formatMonth(r.outcome.month)}, ${r.outcome.horizonMonths} month(s) after scoring${r.outcome.mature ? "" : " (not the 1-month outcome)"}`
              : "No outcome has arrived"
          }
        />
        <Stat label="Alerts" value={formatInt(r.alerts.length)} hint={r.alerts.map((a) => a.name).join(", ") || "None"} />
      </StatGrid>
      <div className="grid gap-5 lg:grid-cols-2">
        <Card title="Stability (PSI / CSI)" description="Open a row for its bins; judged only when every bin has at least 50 borrowers">
          <CsiTable report={r} />
        </Card>
        <Card
          title="Bad rate by score band"
          description={r.outcome ? `Observed default in ${formatMonth(r.outcome.month)}; “crosses” = riskier than the band below it` : undefined}
        >
          {r.badRateByBand.length === 0 ? (
            <p className="text-sm text-slate-700">Outcome not yet known.</p>
          ) : (
            <TableShell label="Bad rate by band">
              <Table>
                <thead>
                  <tr>
                    <Th>Scores</Th>
                    <Th numeric>Borrowers</Th>
                    <Th numeric>Bad rate</Th>
                    <Th>Order</Th>
                  </tr>
                </thead>
                <tbody>
                  {r.badRateByBand.map((b) => (
                    <tr key={b.lower}>
                      <RowTh className="font-normal">
                        {b.lower}–{b.upper - 1}
                      </RowTh>
                      <Td numeric>{formatInt(b.n)}</Td>
                      <Td numeric>{formatPct(b.badRate)}</Td>
                      <Td className={b.crosses ? "font-medium text-red-800" : undefined}>{b.crosses ? "Crosses" : "In order"}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </TableShell>
          )}
        </Card>
        <Card title="Tier mix by month" description="Borrowers per risk tier as scored each month">
          <TierMixByMonth months={months} />
        </Card>
        <Card title="Calibration" description="PD vs observed default, 10 equal-count score bands">
          {r.calibration ? <ReliabilityTable reliability={r.calibration} label={`Calibration ${r.month}`} /> : <p className="text-sm text-slate-700">Outcome not yet known for this month.</p>}
        </Card>
        <Card title="Bad rate by band and month" description="Observed October 2005 default per score band of each month's scores" className="lg:col-span-2">
          <BadRateByMonth months={months} />
        </Card>
      </div>
    </section>
  );
}
