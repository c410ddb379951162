import "server-only";
import { getPrisma } from "@/lib/db/client";
import type { ScoreModel } from "@/features/scoring/model-types";
import type { CandidateView } from "./candidates";

/** The scorecard in use, as installed in the database by the seed. */
export async function getActiveModel(): Promise<ScoreModel | null> {
  const prisma = await getPrisma();
  const row = await prisma.scoreModel.findFirst({ where: { active: true }, orderBy: { createdAt: "desc" } });
  return (row?.model as unknown as ScoreModel | undefined) ?? null;
}

/** Every stored model version, candidates first, then newest first (the model page's section). */
export async function listModelVersions(): Promise<CandidateView[]> {
  const prisma = await getPrisma();
  const rows = await prisma.scoreModel.findMany({
    select: { version: true, status: true, auc: true, ks: true, model: true, fittedByEmail: true, decidedByEmail: true, decidedAt: true, createdAt: true },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
  const rank = (s: string) => (s === "CANDIDATE" ? 0 : 1);
  return rows
    .sort((a, b) => rank(a.status) - rank(b.status))
    .map((r) => ({
      version: r.version, status: r.status as CandidateView["status"], auc: r.auc, ks: r.ks,
      cvAuc: (r.model as unknown as ScoreModel).validation?.cv.auc.mean ?? null,
      fittedByEmail: r.fittedByEmail, decidedByEmail: r.decidedByEmail, decidedAt: r.decidedAt?.toISOString() ?? null, createdAt: r.createdAt.toISOString(),
    }));
}
