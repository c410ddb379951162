import "server-only";
import { getPrisma } from "@/lib/db/client";
import type { ScoreModel } from "@/features/scoring/model-types";

/** The scorecard in use, as installed in the database by the seed. */
export async function getActiveModel(): Promise<ScoreModel | null> {
  const prisma = await getPrisma();
  const row = await prisma.scoreModel.findFirst({ where: { active: true }, orderBy: { createdAt: "desc" } });
  return (row?.model as unknown as ScoreModel | undefined) ?? null;
}
