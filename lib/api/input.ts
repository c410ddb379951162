// Shared zod building blocks for every route schema, so bad input is a 400 and never reaches
// the database as something it refuses (issue 9 §7): integers bounded to PostgreSQL `integer`
// (int32) — 2³¹ used to answer 500 — and text without NUL bytes or lone UTF-16 surrogates
// (PostgreSQL rejects both in `text`).
import { z } from "zod";

export const INT32_MIN = -2_147_483_648;
export const INT32_MAX = 2_147_483_647;

/** A whole number that fits an `Int` column; narrow it further with `.min()`/`.max()`. */
export const int32 = () => z.number().int().min(INT32_MIN).max(INT32_MAX);

/** The same from a query string or path segment ("42"). */
export const queryInt32 = () => z.coerce.number().int().min(INT32_MIN).max(INT32_MAX);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when the text can be stored in PostgreSQL `text` as it is. */
export function isStorableText(s: string): boolean {
  return !s.includes("\u0000") && !LONE_SURROGATE.test(s);
}

/** A string without NUL bytes or lone surrogates; chain `.trim()`, `.min()`, `.max()` as usual. */
export const safeText = () =>
  z.string().refine(isStorableText, { message: "must not contain NUL bytes or unpaired surrogate characters", abort: true });

/** An entity id in a path or body (cuid today; anything ≤ 40 safe characters). */
export const entityId = () => safeText().min(1).max(40);
