/**
 * Reason codes as rows store them (Score, BorrowerState, Adjustment, BorrowerNotice): a tuple
 * `[code, pointsLost, variant?]` without the text. The text used to be repeated in every row: at
 * 1 M borrowers it was 993 of a Score row's 1,097 bytes, so 10 M borrowers did not fit this
 * machine's disk. The wording now comes from the characteristic registry when a row is read, so it
 * is fixed in one place and can follow the reader's language. A notice's own `text` column keeps
 * the words the borrower was actually sent.
 *
 * variant: absent = the characteristic's adverse reason; "o" = the other side of a learned-shape
 * characteristic (e.g. "little or no use of the credit line"); "p" = its positive reason.
 */
import { ALL_FEATURES, V3_FEATURES, type FeatureDef } from "./features";

export type ReasonVariant = "o" | "p";
export type StoredReasonCode = [code: string, pointsLost: number | null] | [code: string, pointsLost: number | null, variant: ReasonVariant];
/** A reason as screens, the API and notices use it. */
export type ExpandedReason = { code: string; text: string; pointsLost: number | null };

// The champion's registry (with its learned-shape texts) wins over the candidate list.
const byCode = new Map<string, FeatureDef>();
for (const f of [...ALL_FEATURES, ...V3_FEATURES]) byCode.set(f.code, { ...byCode.get(f.code), ...f });

/** The words for a code; an unknown code (a retired characteristic) is shown as itself. */
export function reasonText(code: string, variant?: ReasonVariant): string {
  const f = byCode.get(code);
  if (!f) return code;
  if (variant === "p") return f.positiveText;
  if (variant === "o") return f.otherSideReasonText ?? f.reasonText;
  return f.reasonText;
}

function variantOf(code: string, text: string): ReasonVariant | undefined {
  const f = byCode.get(code);
  if (!f || text === f.reasonText) return undefined;
  if (text === f.otherSideReasonText) return "o";
  if (text === f.positiveText) return "p";
  return undefined;
}

/** The stored form of reasons carrying their words (the scorecard's output, a notice's list). */
export function storeReasons(list: ReadonlyArray<{ code: string; text: string; pointsLost?: number | null }>): StoredReasonCode[] {
  return list.map((r) => {
    const v = variantOf(r.code, r.text);
    const lost = r.pointsLost ?? null;
    return v ? [r.code, lost, v] : [r.code, lost];
  });
}

const isVariant = (v: unknown): v is ReasonVariant => v === "o" || v === "p";

/**
 * A stored list back with its words. Tolerates what older rows hold: objects with their own text
 * (rows written before the tuple form) are passed through; anything else is dropped.
 */
export function readReasons(stored: unknown): ExpandedReason[] {
  if (!Array.isArray(stored)) return [];
  const out: ExpandedReason[] = [];
  for (const e of stored) {
    if (Array.isArray(e) && typeof e[0] === "string") {
      const lost = typeof e[1] === "number" ? e[1] : null;
      out.push({ code: e[0], text: reasonText(e[0], isVariant(e[2]) ? e[2] : undefined), pointsLost: lost });
    } else if (e && typeof e === "object" && typeof (e as { code?: unknown }).code === "string") {
      const o = e as { code: string; text?: unknown; pointsLost?: unknown };
      out.push({ code: o.code, text: typeof o.text === "string" ? o.text : reasonText(o.code), pointsLost: typeof o.pointsLost === "number" ? o.pointsLost : null });
    }
  }
  return out;
}
