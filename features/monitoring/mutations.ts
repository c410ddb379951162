import "server-only";
import { getPrisma } from "@/lib/db/client";
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/features/audit/mutations";
import type { MonitoringReport } from "./report";

/**
 * Stores the monitoring reports of a scoring run (one transaction, replacing any earlier report of
 * the same month and reference), with one audit event.
 */
export async function storeMonitoringReports(reports: MonitoringReport[], actor: { id: string | null; email: string | null } | null = null) {
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
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
  });
}
