import "server-only";
import type { AuditAction } from "@/features/audit/actions";
import { recordAudit } from "@/features/audit/mutations";
import { getPrisma } from "@/lib/db/client";

/** Records a log-in attempt; the entity id is the e-mail typed, which is what throttling counts. */
export async function recordLoginAttempt(
  action: Extract<AuditAction, `auth.${string}`>,
  email: string,
  user: { id: string; email: string } | null,
  ip: string | null,
) {
  const prisma = await getPrisma();
  await prisma.$transaction((tx) =>
    recordAudit(tx, { actor: user, action, entityType: "User", entityId: email.toLowerCase(), ip }),
  );
}
