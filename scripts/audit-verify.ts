// `npm run audit:verify`: walks the audit hash chain; exits 1 naming the first broken event.
import { closeDb } from "@/lib/db/client";
import { auditChain } from "@/features/audit/data";
import { verifyChain } from "@/features/audit/chain";

try {
  const { checked, broken } = await verifyChain(auditChain());
  if (broken) {
    console.error(`Audit chain BROKEN at event #${broken.seq}: ${broken.reason} (${checked} events read).`);
    process.exitCode = 1;
  } else {
    console.log(`Audit chain intact: ${checked} events verified.`);
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 2;
} finally {
  await closeDb();
}
