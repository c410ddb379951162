// Response shapes of the appeals API as the browser receives them (dates are ISO strings); they
// mirror features/appeals/views.ts. The closed list of channels is the schema's APPEAL_CHANNELS.
import type { APPEAL_CHANNELS } from "@/features/appeals/schema";

export type AppealStatus = "OPEN" | "UPHELD" | "REVERSED";
export type AppealChannel = (typeof APPEAL_CHANNELS)[number];

export type AppealView = {
  id: string;
  borrowerId: number;
  limitChangeId: string;
  channel: AppealChannel;
  text: string;
  receivedAt: string;
  dueAt: string;
  overdue: boolean;
  status: AppealStatus;
  recordedByEmail: string;
  decidedByEmail: string | null;
  decidedAt: string | null;
  comment: string | null;
  /** Open appeals: the e-mails the server refuses as deciders (the cut's proposer and approvers). */
  excludedDeciders?: string[];
};
