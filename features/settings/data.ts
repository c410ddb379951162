import "server-only";
import { getPrisma } from "@/lib/db/client";
import type { Prisma } from "@/generated/prisma/client";
import { SETTING_DEFAULTS, type Settings } from "./schema";

/** Stored settings over the defaults. Takes a transaction so decisions read what they lock with. */
export async function getSettings(tx?: Prisma.TransactionClient): Promise<Settings> {
  const db = tx ?? (await getPrisma());
  const rows = await db.setting.findMany();
  return { ...SETTING_DEFAULTS, ...Object.fromEntries(rows.map((r) => [r.key, r.value])) } as Settings;
}
