import "server-only";
import { getPrisma } from "@/lib/db/client";
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/features/audit/mutations";
import type { MonitoringReport } from "./report";

type Actor = { id: string | null; email: string | null } | null;

/**
 * Writes the monitoring reports of a scoring run inside `tx` (replacing any earlier report of the
 * same month and reference) with one audit event. A scoring job passes its own transaction so the
 * month's scores and its monitoring commit together.
 */
export async function writeMonitoringReports(tx: Prisma.TransactionClient, reports: MonitoringReport[], actor: Actor = null) {
  for (const r of reports) {
    const data = { modelVersion: r.modelVersion, report: r as unknown as Prisma.InputJsonValue };
    await tx.modelMonitoring.upsert({
      where: { month_reference: { month: r.month, reference: r.reference } },
      create: { month: r.month, reference: r.reference, ...data },
      update: { ...data, createdAt: new Date() },
    });
  }
  await recordAudit(tx, {
    actor,
    action: "monitoring.stored",
    entityType: "ModelMonitoring",
    entityId: reports.map((r) => `${r.month}/${r.reference}`).join(","),
    after: { reports: reports.length, alerts: reports.reduce((s, r) => s + r.alerts.length, 0) },
  });
}

/** The same in a transaction of its own (the seed, after importing the portfolio). */
export async function storeMonitoringReports(reports: MonitoringReport[], actor: Actor = null) {
  const prisma = await getPrisma();
  await prisma.$transaction((tx) => writeMonitoringReports(tx, reports, actor));
}
