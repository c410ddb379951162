import { apiRoute, json } from "@/lib/api/route";
import { now } from "@/lib/clock";
import { appealListQuerySchema, recordAppealSchema } from "@/features/appeals/schema";
import { listAppeals } from "@/features/appeals/data";
import { recordAppeal } from "@/features/appeals/mutations";

export const GET = apiRoute({ permission: "portfolio:read", summary: "Appeals, overdue first", query: appealListQuerySchema }, async ({ query }) => ({
  items: await listAppeals(query.status, now()),
}));

export const POST = apiRoute({ permission: "appeal:record", summary: "Record a borrower's appeal against a decrease", body: recordAppealSchema }, async ({ body, actor, requestId, ip }) =>
  json(await recordAppeal(body, { actor, requestId, ip }), { status: 201, requestId }),
);
