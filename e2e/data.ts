// Test data made per test through the API (issue 11 §8): a borrower the test can use exactly,
// so assertions need no "either outcome" tolerance.
import type { APIRequestContext } from "@playwright/test";

type Borrower = { id: number; currentLimit: number; balance: number; availableCredit: number };

/**
 * The first borrower from `from` upwards with no PENDING adjustment for whom a manual change to
 * `target(limit)` is (or, with `override: true`, is not) within every policy rule.
 */
export async function freeBorrower(request: APIRequestContext, opts: { from: number; target: (b: Borrower) => number; override?: boolean }) {
  for (let id = opts.from; id < opts.from + 500; id++) {
    const b = (await (await request.get(`/api/v1/borrowers/${id}`)).json()) as Borrower;
    const pending = await (await request.get(`/api/v1/adjustments?borrowerId=${id}&status=PENDING`)).json();
    if (pending.items.length) continue;
    const newLimit = opts.target(b);
    const check = await (await request.get(`/api/v1/adjustments/override-check?borrowerId=${id}&newLimit=${newLimit}`)).json();
    if (check.override === (opts.override ?? false) && !check.aboveCeiling) return { ...b, newLimit, check };
  }
  throw new Error(`no free borrower from ${opts.from}`);
}
