// The Borrowers page keeps all its state in the URL, using exactly the query names of
// GET /api/v1/borrowers (utilisation as a ratio), so the page URL, the API call and the CSV link
// are the same query. Pure functions: used by the server page and the client table.
import type { SortField } from "./schema";

export const FILTER_KEYS = ["month", "tier", "minScore", "maxScore", "changed", "minUtil", "maxUtil", "q"] as const;
// `cursor` = the page (keyset); `page` still works for shallow pages (old links).
export const VIEW_KEYS = ["sort", "order", "page", "pageSize", "cursor"] as const;
export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 50; // the API's default
export type FilterKey = (typeof FILTER_KEYS)[number];

type ParamSource = Pick<URLSearchParams, "get">;

/** Known, non-empty params in a fixed order: one canonical string per list state (also the query key). */
export function listQueryString(params: ParamSource, keys: readonly string[] = [...FILTER_KEYS, ...VIEW_KEYS]): string {
  const out = new URLSearchParams();
  for (const key of keys) {
    const value = params.get(key)?.trim();
    if (value) out.set(key, value);
  }
  return out.toString();
}

/** Filters only (no sort/page): for the CSV export and to reset the filter form when they change. */
export const filterQueryString = (params: ParamSource) => listQueryString(params, FILTER_KEYS);

export function csvExportHref(params: ParamSource): string {
  const filters = listQueryString(params, [...FILTER_KEYS, "sort", "order"]);
  return `/api/v1/borrowers?${filters ? `${filters}&` : ""}format=csv`;
}

export function readView(params: ParamSource) {
  const page = Number(params.get("page"));
  const pageSize = Number(params.get("pageSize"));
  return {
    sort: (params.get("sort") || "id") as SortField,
    order: params.get("order") === "desc" ? ("desc" as const) : ("asc" as const),
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: Number.isInteger(pageSize) && pageSize > 0 ? pageSize : DEFAULT_PAGE_SIZE,
    cursor: params.get("cursor") || null,
  };
}

/** The URL keeps utilisation as a ratio; the form shows percent. Rounded to hide float noise. */
export const ratioToPercentInput = (ratio: string | null) => (ratio && ratio.trim() !== "" && Number.isFinite(Number(ratio)) ? String(Number((Number(ratio) * 100).toFixed(4))) : (ratio ?? ""));
export const percentInputToRatio = (percent: string) => (percent.trim() === "" ? "" : Number.isFinite(Number(percent)) ? String(Number((Number(percent) / 100).toFixed(6))) : percent);

/** Where the Borrower page's "Back to list" goes: the last list query, kept per tab. */
export const LAST_LIST_QUERY_KEY = "limitdesk:borrowers-query";
