"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/http-client";
import { seededFrom, type InitialPage } from "@/lib/initial-page";
import type { BorrowerListItem } from "../schema";

export type BorrowerPage = { total: number; totalIsEstimate: boolean; month: string | null; page: number; pageSize: number; nextCursor: string | null; items: BorrowerListItem[] };
/** A page rendered on the server for this exact query string, so the first paint has rows. */
export type InitialBorrowerPage = InitialPage<BorrowerPage>;

export function useBorrowerList(query: string, initial: InitialBorrowerPage) {
  return useQuery({
    queryKey: ["borrowers", query],
    queryFn: ({ signal }) => fetchJson<BorrowerPage>(`/api/v1/borrowers?${query}`, signal),
    // Keep the old rows on screen while the next page/filter loads: no empty flash, no layout jump.
    placeholderData: keepPreviousData,
    ...seededFrom(initial, query),
  });
}
