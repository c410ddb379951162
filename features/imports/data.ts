import "server-only";
import { getPrisma } from "@/lib/db/client";
import type { RowError } from "./formats";
import type { ImportView } from "./schema";

const VIEW = {
  id: true, kind: true, status: true, month: true, rows: true, revision: true, replacement: true, source: true, fileName: true, bytes: true,
  checksum: true, jobId: true, createdAt: true, finishedAt: true, result: true, errors: true, errorCount: true,
} as const;

type Row = { [K in keyof typeof VIEW]: unknown } & { createdAt: Date; finishedAt: Date | null; errors: unknown; errorCount: number };

function toView(r: Row): ImportView {
  const errors = (r.errors as RowError[]) ?? [];
  return { ...(r as unknown as ImportView), createdAt: r.createdAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null, errors, errorsTruncated: r.errorCount > errors.length };
}

export async function getImport(id: string): Promise<ImportView | null> {
  const prisma = await getPrisma();
  const r = await prisma.dataImport.findUnique({ where: { id }, select: VIEW });
  return r ? toView(r as Row) : null;
}

/** The latest imports, newest first (the imports page). */
export async function listImports(take = 20): Promise<ImportView[]> {
  const prisma = await getPrisma();
  const rows = await prisma.dataImport.findMany({ select: VIEW, orderBy: { createdAt: "desc" }, take });
  return rows.map((r) => toView(r as Row));
}

/** The latest applied statements month and its re-evaluation counts (the overview's one line). */
export async function latestReevaluation(): Promise<{ month: string; riskier: number; safer: number; importId: string } | null> {
  const prisma = await getPrisma();
  const r = await prisma.dataImport.findFirst({ where: { kind: "STATEMENTS", status: "SUCCEEDED" }, orderBy: [{ month: "desc" }, { finishedAt: "desc" }], select: { id: true, month: true, result: true } });
  const res = r?.result as { riskier?: number; safer?: number } | null;
  return r?.month && res ? { month: r.month, riskier: res.riskier ?? 0, safer: res.safer ?? 0, importId: r.id } : null;
}
