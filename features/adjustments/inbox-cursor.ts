// Keyset pagination for the inbox: a cursor is the last row's sort value and id (the tiebreak),
// base64url JSON. Every sort has a composite index (status, column, id). Pure.
export const INBOX_SORTS = ["createdAt", "amount", "score", "pd", "tierChange"] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];
/** The Adjustment column each sort reads. */
export const SORT_COLUMN: Record<InboxSort, "createdAt" | "amount" | "score" | "pd" | "tierMove"> = {
  createdAt: "createdAt", amount: "amount", score: "score", pd: "pd", tierChange: "tierMove",
};

export type InboxCursor = { v: string | number | null; id: string };

export function encodeCursor(c: InboxCursor): string {
  return Buffer.from(JSON.stringify([c.v, c.id]), "utf8").toString("base64url");
}

/** null for anything that is not a cursor this API made (→ 400 in the route). */
export function decodeCursor(text: string): InboxCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== 2 || typeof value[1] !== "string" || value[1].length > 64) return null;
    const v = value[0];
    if (v !== null && typeof v !== "string" && (typeof v !== "number" || !Number.isFinite(v))) return null;
    return { v, id: value[1] };
  } catch {
    return null;
  }
}
