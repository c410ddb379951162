// TanStack Query keys of the answers a limit decision changes, in one place: a decision taken on one
// page (inbox, appeals, borrower page) refreshes every other page's copy of these answers.
import type { QueryClient } from "@tanstack/react-query";

export const queryKeys = {
  adjustments: ["adjustments"],
  limitChanges: ["limit-changes"],
  borrowerLimits: ["borrower-limits"],
  appeals: ["appeals"],
} as const;

/** Queries whose answers a decision (adjustment, appeal, policy run) changes. */
export function invalidateAfterDecision(queryClient: QueryClient) {
  for (const queryKey of Object.values(queryKeys)) void queryClient.invalidateQueries({ queryKey });
}
