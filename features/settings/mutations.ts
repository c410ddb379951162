import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/features/audit/mutations";
import { getPrisma } from "@/lib/db/client";
import { getSettings } from "./data";
import type { Settings } from "./schema";

type Ctx = { actor: { id: string; email: string }; requestId?: string; ip?: string | null };

/** Writes the given settings (others unchanged) and audits the before/after values. */
export async function updateSettings(input: Partial<Settings>, ctx: Ctx): Promise<Settings> {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const before = await getSettings(tx);
    for (const [key, value] of Object.entries(input)) {
      if (value === undefined) continue;
      await tx.setting.upsert({ where: { key }, create: { key, value: value as Prisma.InputJsonValue }, update: { value: value as Prisma.InputJsonValue } });
    }
    const after = await getSettings(tx);
    await recordAudit(tx, { actor: ctx.actor, action: "settings.updated", entityType: "Settings", entityId: "global", before, after, requestId: ctx.requestId, ip: ctx.ip });
    return after;
  });
}
