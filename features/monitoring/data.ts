import "server-only";
import { getPrisma } from "@/lib/db/client";
import type { Alert, MonitoringReport } from "./report";
import { DEFAULT_REFERENCE } from "./snapshots";

/** Months with a stored report, ascending, and the references each has. */
export async function monitoringIndex(): Promise<Array<{ month: string; references: string[] }>> {
  const prisma = await getPrisma();
  const rows = await prisma.modelMonitoring.findMany({ select: { month: true, reference: true }, orderBy: [{ month: "asc" }, { reference: "asc" }] });
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.month, [...(out.get(r.month) ?? []), r.reference]);
  return [...out].map(([month, references]) => ({ month, references }));
}

/** The stored report; month defaults to the latest, reference to the pinned one (or the month itself). */
export async function getMonitoringReport(month?: string, reference?: string): Promise<MonitoringReport | null> {
  const prisma = await getPrisma();
  const m = month ?? (await prisma.modelMonitoring.findFirst({ orderBy: { month: "desc" }, select: { month: true } }))?.month;
  if (!m) return null;
  const ref = reference ?? (m === DEFAULT_REFERENCE ? m : DEFAULT_REFERENCE);
  const row = await prisma.modelMonitoring.findUnique({ where: { month_reference: { month: m, reference: ref } } });
  return (row?.report as unknown as MonitoringReport | undefined) ?? null;
}

export type MonthSummary = {
  month: string;
  tiers: { LOW: number; MEDIUM: number; HIGH: number };
  badRateByBand: MonitoringReport["badRateByBand"];
  outcome: MonitoringReport["outcome"];
};

/** Tier mix and bad rate by band of every stored month (from its report against the pinned reference). */
export async function monthlySummaries(): Promise<MonthSummary[]> {
  const prisma = await getPrisma();
  const rows = await prisma.modelMonitoring.findMany({ where: { reference: DEFAULT_REFERENCE }, orderBy: { month: "asc" } });
  return rows.map((r) => {
    const rep = r.report as unknown as MonitoringReport;
    const tiers = Object.fromEntries(rep.tierMix.map((t) => [t.tier, t.count])) as MonthSummary["tiers"];
    return { month: r.month, tiers, badRateByBand: rep.badRateByBand, outcome: rep.outcome };
  });
}

/** Alerts of the latest month against the pinned reference, for the overview. */
export async function latestAlerts(): Promise<{ month: string; reference: string; alerts: Alert[]; tooFew: number } | null> {
  const rep = await getMonitoringReport();
  if (!rep) return null;
  const tooFew = [rep.scorePsi, ...rep.csi].filter((r) => r.light === "too-few").length;
  return { month: rep.month, reference: rep.reference, alerts: rep.alerts, tooFew };
}
