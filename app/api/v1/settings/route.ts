import { apiRoute } from "@/lib/api/route";
import { settingsSchema } from "@/features/settings/schema";
import { getSettings } from "@/features/settings/data";
import { updateSettings } from "@/features/settings/mutations";

export const GET = apiRoute({ permission: "portfolio:read", summary: "Approval threshold and appeal SLA in force" }, () => getSettings());

export const PUT = apiRoute({ permission: "users:manage", summary: "Change settings (audited)", body: settingsSchema }, ({ body, actor, requestId, ip }) =>
  updateSettings(body, { actor, requestId, ip }),
);
