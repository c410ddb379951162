// The inbox keeps its filters in the URL under the exact query names of GET /api/v1/adjustments,
// so the page URL and the API call are the same query.
import { listQueryString } from "@/features/borrowers/list-params";

export const INBOX_FILTER_KEYS = ["status", "direction", "tierChange", "minAmount", "maxAmount", "policyRunId", "proposer", "borrowerId"] as const;
export const INBOX_KEYS = [...INBOX_FILTER_KEYS, "page", "pageSize"] as const;
export type InboxFilterKey = (typeof INBOX_FILTER_KEYS)[number];
export const INBOX_PAGE_SIZES = [25, 50, 100, 200] as const;
export const INBOX_DEFAULT_PAGE_SIZE = 50;

type ParamSource = Pick<URLSearchParams, "get">;

/** The API query of the URL: PENDING unless the URL names another status. */
export function inboxApiQuery(params: ParamSource): string {
  const q = new URLSearchParams(listQueryString(params, INBOX_KEYS));
  if (!q.get("status")) q.set("status", "PENDING");
  return q.toString();
}

export const inboxFilterString = (params: ParamSource) => listQueryString(params, INBOX_FILTER_KEYS);
