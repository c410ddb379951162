// Appeal rows → the JSON shape of the API and the UI.
import type { Appeal } from "@/generated/prisma/client";

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function appealView(a: Appeal, now: Date) {
  return {
    id: a.id, borrowerId: a.borrowerId, limitChangeId: a.limitChangeId, channel: a.channel, text: a.text,
    receivedAt: a.receivedAt.toISOString(), dueAt: a.dueAt.toISOString(), overdue: a.status === "OPEN" && a.dueAt < now,
    status: a.status, recordedByEmail: a.recordedByEmail, decidedByEmail: a.decidedByEmail, decidedAt: iso(a.decidedAt), comment: a.comment,
  };
}
export type AppealView = ReturnType<typeof appealView>;
