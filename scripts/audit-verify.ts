// `npm run audit:verify`: walks the audit hash chain; exits 1 naming the first broken event.
import { auditChain } from "@/features/audit/data";
import { verifyChain } from "@/features/audit/chain";
import { runCli } from "./cli";

await runCli(async () => {
  const { checked, broken } = await verifyChain(auditChain());
  if (broken) {
    console.error(`Audit chain BROKEN at event #${broken.seq}: ${broken.reason} (${checked} events read).`);
    return 1;
  }
  console.log(`Audit chain intact: ${checked} events verified.`);
});
