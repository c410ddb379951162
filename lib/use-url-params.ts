"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { listQueryString } from "@/features/borrowers/list-params";

/**
 * List pages keep their filters in the URL. `update` patches the query (empty/null removes a key)
 * with native replaceState, which Next syncs into useSearchParams without re-running the server page.
 */
export function useUrlParams(keys: readonly string[]) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const update = useCallback(
    (patch: Record<string, string | number | null>) => {
      const next = new URLSearchParams(searchParams);
      for (const [key, value] of Object.entries(patch)) {
        if (value === null || value === "") next.delete(key);
        else next.set(key, String(value));
      }
      const qs = listQueryString(next, keys);
      window.history.replaceState(null, "", qs ? `${pathname}?${qs}` : pathname);
    },
    [pathname, searchParams, keys],
  );
  return { searchParams, update };
}

export function readPage(params: Pick<URLSearchParams, "get">, defaultSize: number) {
  const page = Number(params.get("page"));
  const pageSize = Number(params.get("pageSize"));
  return {
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: Number.isInteger(pageSize) && pageSize > 0 ? pageSize : defaultSize,
  };
}
