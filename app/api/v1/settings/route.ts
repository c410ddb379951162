import { apiRoute } from "@/lib/api/route";
import { settingsSchema } from "@/features/settings/schema";
import { getSettings } from "@/features/settings/data";
import { updateSettings } from "@/features/settings/mutations";

export const GET = apiRoute({ permission: "portfolio:read" }, () => getSettings());

export const PUT = apiRoute({ permission: "users:manage", body: settingsSchema }, ({ body, actor, requestId, ip }) =>
  updateSettings(body, { actor, requestId, ip }),
);
