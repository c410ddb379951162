import Link from "next/link";
import { Card } from "@/components/card";
import { formatMonth } from "@/lib/format";
import { latestAlerts } from "../data";
import { LightBadge } from "./light-badge";

/** Overview card: model-monitoring alerts of the latest scored month (stored, not computed). */
export async function MonitoringAlerts() {
  const latest = await latestAlerts();
  return (
    <Card title="Model monitoring" description="Score and characteristic drift against the pinned reference month">
      {latest ? <AlertList latest={latest} /> : <p className="text-sm text-slate-700">No monitoring report yet.</p>}
    </Card>
  );
}

function AlertList({ latest }: { latest: NonNullable<Awaited<ReturnType<typeof latestAlerts>>> }) {
  const href = `/model?month=${latest.month}&reference=${latest.reference}#monitoring-heading`;
  return (
    <div className="space-y-2 text-sm">
      <p className="text-slate-700">
        {formatMonth(latest.month)} against {formatMonth(latest.reference)}:{" "}
        {latest.alerts.length === 0 ? "no drift alerts" : `${latest.alerts.length} alert${latest.alerts.length === 1 ? "" : "s"}`}
        {latest.tooFew > 0 ? ` · ${latest.tooFew} too few to judge` : ""}.{" "}
        <Link href={href} className="text-blue-800 underline">
          Details
        </Link>
      </p>
      {latest.alerts.length > 0 ? (
        <ul aria-label="Monitoring alerts" className="divide-y divide-slate-100">
          {latest.alerts.map((a) => (
            <li key={`${a.kind}/${a.name}`} className="flex items-center justify-between gap-3 py-1.5">
              <span className="text-slate-900">{a.message}</span>
              <LightBadge light={a.level} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
