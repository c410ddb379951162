import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { listModelVersions } from "@/features/model/data";
import { candidateView } from "@/features/model/candidates";

export const GET = apiRoute({
  permission: "model:read",
  summary: "Stored model versions, candidates first: status, holdout AUC/KS, CV AUC, who fitted and who decided",
  response: z.object({ items: z.array(candidateView) }),
}, async () => ({ items: await listModelVersions() }));
