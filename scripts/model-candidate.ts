// Stores a fitted model as a CANDIDATE (`npm run model:fit -- --candidate --by <e-mail>` calls this
// after fitting). The e-mail must be an active user's: that person is recorded as the fitter and may
// not approve it; a different MANAGER/ADMIN approves it on the model page or through the API.
import { getPrisma } from "@/lib/db/client";
import { createCandidate } from "@/features/model/mutations";
import { candidateVersion } from "@/features/model/candidates";
import type { ScoreModel } from "@/features/scoring/model-types";
import { runCli } from "./cli";

export async function storeCandidate(model: ScoreModel, byEmail: string | undefined) {
  await runCli(async () => {
    if (!byEmail) {
      console.error("--candidate needs --by <e-mail of the user who fitted it> (separated duties: that user may not approve it)");
      return 2;
    }
    const prisma = await getPrisma();
    const user = await prisma.user.findFirst({ where: { email: byEmail.toLowerCase(), active: true }, select: { id: true, email: true } });
    if (!user) {
      console.error(`No active user ${byEmail}.`);
      return 2;
    }
    const stored = await createCandidate(model, candidateVersion(model.version, new Date()), user);
    console.log(`Stored candidate model ${stored.version} (fitted by ${user.email}); a different MANAGER/ADMIN approves it on the model page.`);
  });
}
