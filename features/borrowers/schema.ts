import { z } from "zod";
import { TIERS } from "@/features/policy/schema";
import { INT32_MAX, queryInt32, safeText } from "@/lib/api/input";
import { cursorParam } from "@/lib/cursor";

export const SORT_FIELDS = ["id", "score", "pd", "tier", "limit", "balance", "utilization"] as const;
export type SortField = (typeof SORT_FIELDS)[number];

const int = (min: number, max: number) => queryInt32().min(min).max(max);
const ratio = z.coerce.number().min(0).max(100);

/** Query of GET /api/v1/borrowers and of the Borrowers page URL. Utilisation is a ratio (0.9 = 90 %). */
export const borrowerListQuerySchema = z
  .strictObject({
    tier: z.enum(TIERS).optional(),
    minScore: int(350, 950).optional(),
    maxScore: int(350, 950).optional(),
    changed: z.enum(["up", "down"]).optional(),
    minUtil: ratio.optional(),
    maxUtil: ratio.optional(),
    q: safeText().trim().regex(/^\d{1,9}$/, "must be a borrower ID (digits only)").optional(),
    sort: z.enum(SORT_FIELDS).default("id"),
    order: z.enum(["asc", "desc"]).default("asc"),
    // Any scored month from the Score history ("2005-07"); absent = the current state.
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month YYYY-MM").optional(),
    /** nextCursor of the previous answer (keyset paging); `page` is for shallow pages only. */
    cursor: cursorParam().optional(),
    page: int(1, 1_000_000).default(1),
    pageSize: int(1, 500).default(50),
    format: z.enum(["json", "csv"]).default("json"),
  })
  .superRefine((q, ctx) => {
    if (q.minScore != null && q.maxScore != null && q.minScore > q.maxScore) {
      ctx.addIssue({ code: "custom", path: ["minScore"], message: "must not exceed maxScore" });
    }
    if (q.minUtil != null && q.maxUtil != null && q.minUtil > q.maxUtil) {
      ctx.addIssue({ code: "custom", path: ["minUtil"], message: "must not exceed maxUtil" });
    }
    if (q.cursor && q.page > 1) ctx.addIssue({ code: "custom", path: ["page"], message: "give either page or cursor, not both" });
    // OFFSET costs grow with the page number: deep pages go through the cursor.
    if ((q.page - 1) * q.pageSize >= MAX_OFFSET) ctx.addIssue({ code: "custom", path: ["page"], message: `pages start at most ${MAX_OFFSET.toLocaleString("en-US")} rows deep: follow nextCursor` });
  });

/** Deepest row a `page` may start at (OFFSET); anything deeper pages through `cursor`. */
export const MAX_OFFSET = 10_000;

/**
 * What a borrowers cursor holds: the sort (and month) it was made for and the last row's key
 * (sort value, borrower id). The list is in that key order, both parts in the same direction.
 */
export const borrowerCursorSchema = z.strictObject({
  s: z.enum(SORT_FIELDS),
  o: z.enum(["asc", "desc"]),
  m: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).nullable(),
  v: z.union([z.number().finite(), z.enum(TIERS)]),
  id: z.number().int().min(1).max(INT32_MAX),
});
export type BorrowerCursor = z.infer<typeof borrowerCursorSchema>;

export type BorrowerListQuery = z.output<typeof borrowerListQuerySchema>;

export const borrowerIdParamsSchema = z.strictObject({
  id: z.coerce.number({ error: "must be a borrower ID" }).int("must be a whole number").min(1).max(1_000_000_000), // < 2³¹
});

export type BorrowerListItem = {
  id: number;
  month: string;
  score: number;
  pd: number;
  tier: (typeof TIERS)[number];
  previousTier: (typeof TIERS)[number] | null;
  /** Why the tier last changed: the score moved, or a new policy's cut-offs. */
  tierChangeCause: "SCORE" | "POLICY" | null;
  /** Current limit (BorrowerState). */
  limit: number;
  balance: number;
  utilization: number;
  /** limit − balance (negative when over the limit). */
  availableCredit: number;
};

/** SEX, EDUCATION, MARRIAGE, AGE as coded in the data set: fairness monitoring only. */
export type ProtectedAttributes = { sex: number; education: number; marriage: number; age: number };

export type ReasonCode = { code: string; text: string; pointsLost: number };

export type BorrowerDetail = {
  id: number;
  /** Current limit, latest balance, limit − balance, current tier (BorrowerState). */
  limit: number;
  balance: number;
  availableCredit: number;
  tier: BorrowerListItem["tier"];
  tierChangeCause: BorrowerListItem["tierChangeCause"];
  outcome: 0 | 1;
  history: Array<{
    month: string;
    score: number | null;
    pd: number | null;
    tier: BorrowerListItem["tier"] | null;
    limit: number;
    balance: number;
    bill: number;
    payment: number;
    utilization: number;
    repaymentStatus: number;
  }>;
  reasonCodes: ReasonCode[];
};

// Response shapes, for the OpenAPI document (the TS types above are what the code returns).
const tierSchema = z.enum(TIERS);
export const borrowerListItemSchema = z.object({
  id: z.number().int(),
  month: z.string(),
  score: z.number().int(),
  pd: z.number(),
  tier: tierSchema,
  previousTier: tierSchema.nullable(),
  tierChangeCause: z.enum(["SCORE", "POLICY"]).nullable(),
  limit: z.number().int(),
  balance: z.number().int(),
  utilization: z.number(),
  availableCredit: z.number().int(),
});
export const borrowerListResponseSchema = z.object({
  /** Exact up to COUNT_EXACT_LIMIT matching rows (or from the maintained summary), else the planner's estimate. */
  total: z.number().int(),
  totalIsEstimate: z.boolean(),
  month: z.string().nullable(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
  items: z.array(borrowerListItemSchema),
});
export const reasonCodeSchema = z.object({ code: z.string(), text: z.string(), pointsLost: z.number() });
export const borrowerDetailSchema = z.object({
  id: z.number().int(),
  limit: z.number().int(),
  balance: z.number().int(),
  availableCredit: z.number().int(),
  tier: tierSchema,
  tierChangeCause: z.enum(["SCORE", "POLICY"]).nullable(),
  outcome: z.union([z.literal(0), z.literal(1)]),
  history: z.array(
    z.object({
      month: z.string(),
      score: z.number().int().nullable(),
      pd: z.number().nullable(),
      tier: tierSchema.nullable(),
      limit: z.number().int(),
      balance: z.number().int(),
      bill: z.number().int(),
      payment: z.number().int(),
      utilization: z.number(),
      repaymentStatus: z.number().int(),
    }),
  ),
  reasonCodes: z.array(reasonCodeSchema),
  /** Only for borrower-protected:read (ADMIN, AUDITOR), as coded in the UCI data set. */
  protectedAttributes: z.object({ sex: z.number().int(), education: z.number().int(), marriage: z.number().int(), age: z.number().int() }).optional(),
});
