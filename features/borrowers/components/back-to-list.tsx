"use client";

import Link from "next/link";
import { useSyncExternalStore } from "react";
import { LAST_LIST_QUERY_KEY } from "../list-params";

const subscribe = () => () => {};
const readQuery = () => sessionStorage.getItem(LAST_LIST_QUERY_KEY) ?? "";

/** "← Borrowers" back to the list with the filters last used in this tab (plain list on the server). */
export function BackToList() {
  const query = useSyncExternalStore(subscribe, readQuery, () => "");
  return (
    <Link href={query ? `/borrowers?${query}` : "/borrowers"} className="text-sm font-medium text-blue-800 hover:underline">
      <span aria-hidden="true">← </span>Back to borrowers
    </Link>
  );
}
