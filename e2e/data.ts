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

type PolicyRef = { id: string; version: number; status: string; config: Record<string, unknown> };

/** A new DRAFT copied from the ACTIVE version, made by the signed-in user of `request`. */
export async function draftFromActive(request: APIRequestContext): Promise<{ active: PolicyRef; draft: PolicyRef }> {
  const list = await request.get("/api/v1/policies");
  if (list.status() !== 200) throw new Error(`GET /api/v1/policies: ${list.status()} ${await list.text()}`);
  const active = ((await list.json()).items as PolicyRef[]).find((p) => p.status === "ACTIVE");
  if (!active) throw new Error("no ACTIVE policy");
  const res = await request.post("/api/v1/policies", { data: { basedOnId: active.id } });
  if (res.status() !== 201) throw new Error(`POST /api/v1/policies: ${res.status()} ${await res.text()}`);
  return { active, draft: (await res.json()) as PolicyRef };
}
