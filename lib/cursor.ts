// Opaque keyset cursors: base64url(JSON) of the last row's sort key, validated with a zod schema on
// the way back in. "Opaque" means clients must not build or edit them; a tampered or foreign cursor
// fails the schema and is a 400 (never a 500, never a silent restart from the first page).
import { z } from "zod";

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

/** Decoded and validated cursor, or null when it is not one this schema produced. */
export function decodeCursor<T>(schema: z.ZodType<T>, raw: string): T | null {
  if (!/^[A-Za-z0-9_-]{1,2000}$/.test(raw)) return null;
  const bytes = Buffer.from(raw, "base64url");
  // The decoder skips stray characters; only the exact encoding of its bytes is a cursor we made.
  if (bytes.toString("base64url") !== raw) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(bytes.toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The query parameter: shape only (the meaning is checked against the query by the feature). */
export const cursorParam = () => z.string().regex(/^[A-Za-z0-9_-]{1,2000}$/, "must be a cursor returned by this list (nextCursor)");
