import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/features/audit/mutations";
import { bumpPortfolioVersion, refreshPortfolioSummary } from "@/features/borrowers/mutations";
import type { AuditAction } from "@/features/audit/actions";
import { getPrisma } from "@/lib/db/client";
import { ApiError } from "@/lib/api/errors";
import { checkTransition, TRANSITIONS, type PolicyAction } from "./lifecycle";
import { toView } from "./data";
import { diffConfigs } from "./diff";
import type { PolicyConfig } from "./schema";

type Actor = { id: string; email: string };
type Ctx = { actor: Actor; requestId?: string; ip?: string | null };

// Policy transitions are rare; one lock serialises them so "exactly one ACTIVE" and version
// numbering hold under concurrent requests, on every instance of the app.
const POLICY_LOCK = 7_310_043;
const lock = (tx: Prisma.TransactionClient) => tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${POLICY_LOCK})`);
const json = (v: unknown) => v as Prisma.InputJsonValue;

export async function createDraft(input: { name?: string; config?: PolicyConfig; basedOnId?: string }, ctx: Ctx) {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    await lock(tx);
    const source = input.basedOnId ? await tx.policy.findUnique({ where: { id: input.basedOnId } }) : null;
    if (input.basedOnId && !source) throw new ApiError(404, `Policy ${input.basedOnId} not found`);
    const last = await tx.policy.findFirst({ orderBy: { version: "desc" }, select: { version: true } });
    const version = (last?.version ?? 0) + 1;
    const created = await tx.policy.create({
      data: {
        version,
        status: "DRAFT",
        name: input.name ?? (source ? `Copy of v${source.version}: ${source.name}` : `Draft v${version}`),
        config: json(source ? source.config : input.config),
        basedOnId: source?.id ?? null,
        authorId: ctx.actor.id,
        authorEmail: ctx.actor.email,
      },
    });
    await audit(tx, ctx, "policy.created", created.id, null, { version, name: created.name, basedOnId: created.basedOnId, config: created.config });
    return toView(created);
  });
}

export async function updateDraft(id: string, input: { name?: string; config: PolicyConfig }, ctx: Ctx) {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const before = await guard(tx, id, "edit", ctx.actor);
    const updated = await tx.policy.update({ where: { id }, data: { config: json(input.config), ...(input.name ? { name: input.name } : {}) } });
    await audit(tx, ctx, "policy.updated", id, { name: before.name }, { name: updated.name, changes: diffConfigs(before.config, input.config) });
    return toView(updated);
  });
}

/** submit / approve / reject: a conditional update on the current status, so one request wins. */
export async function decide(id: string, action: "submit" | "approve" | "reject", ctx: Ctx & { comment?: string }) {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    await guard(tx, id, action, ctx.actor);
    const { from, to } = TRANSITIONS[action];
    const now = new Date();
    const data: Prisma.PolicyUpdateManyMutationInput =
      action === "submit"
        ? { status: to, submittedAt: now }
        : { status: to, decidedAt: now, decidedById: ctx.actor.id, decidedByEmail: ctx.actor.email, comment: ctx.comment ?? null };
    const { count } = await tx.policy.updateMany({ where: { id, status: from }, data });
    if (count !== 1) await conflict(tx, id, action);
    const after = await tx.policy.findUniqueOrThrow({ where: { id } });
    await audit(tx, ctx, `policy.${action === "submit" ? "submitted" : action === "approve" ? "approved" : "rejected"}`, id, { status: from }, { status: to, comment: ctx.comment ?? null });
    return toView(after);
  });
}

/**
 * Makes an APPROVED version the one ACTIVE policy, retires the previous one and re-tiers the
 * current state (BorrowerState); the monthly Score history keeps the tiers it was scored with.
 */
export async function activate(id: string, ctx: Ctx) {
  const prisma = await getPrisma();
  return prisma.$transaction(
    async (tx) => {
      await lock(tx);
      await guard(tx, id, "activate", ctx.actor);
      // Lock order of every state writer: version counter, state rows, then the audit chain.
      const version = await bumpPortfolioVersion(tx);
      const previous = await tx.policy.findFirst({ where: { status: "ACTIVE" } });
      const now = new Date();
      if (previous) await tx.policy.update({ where: { id: previous.id }, data: { status: "RETIRED", retiredAt: now } });
      const { count } = await tx.policy.updateMany({ where: { id, status: "APPROVED" }, data: { status: "ACTIVE", activatedAt: now, activatedById: ctx.actor.id } });
      if (count !== 1) await conflict(tx, id, "activate");
      const policy = await tx.policy.findUniqueOrThrow({ where: { id } });
      const retiered = await retierStates(tx, (policy.config as unknown as PolicyConfig).cutoffs, version);
      await refreshPortfolioSummary(tx, version);
      if (previous) await audit(tx, ctx, "policy.retired", previous.id, { status: "ACTIVE" }, { status: "RETIRED", replacedBy: id });
      await audit(tx, ctx, "policy.activated", id, { activePolicyId: previous?.id ?? null }, { status: "ACTIVE", retiredPolicyId: previous?.id ?? null, retiered, portfolioVersion: version });
      return toView(policy);
    },
    { timeout: 120_000 },
  );
}

/**
 * One set-based statement: every state row whose tier differs under the new cut-offs gets the new
 * tier, the old one as previousTier, the direction, cause POLICY and this transaction's version.
 * Rows whose tier holds keep their last (score-caused) change.
 */
async function retierStates(tx: Prisma.TransactionClient, cutoffs: PolicyConfig["cutoffs"], version: number) {
  return tx.$executeRaw`
    WITH next AS (
      SELECT "borrowerId", (CASE WHEN "score" >= ${cutoffs.low} THEN 'LOW' WHEN "score" >= ${cutoffs.medium} THEN 'MEDIUM' ELSE 'HIGH' END)::"Tier" AS tier
      FROM "BorrowerState")
    UPDATE "BorrowerState" s SET "previousTier" = s."tier", "tier" = next.tier,
      "tierChange" = CASE WHEN next.tier > s."tier" THEN 1 ELSE -1 END, "tierChangeCause" = 'POLICY', "version" = ${version}
    FROM next WHERE s."borrowerId" = next."borrowerId" AND s."tier" <> next.tier`;
}

async function guard(tx: Prisma.TransactionClient, id: string, action: PolicyAction, actor: Actor) {
  const policy = await tx.policy.findUnique({ where: { id } });
  if (!policy) throw new ApiError(404, `Policy ${id} not found`);
  if (policy.discardedAt) throw new ApiError(409, "This draft was discarded.", undefined, { current: toView(policy) });
  const check = checkTransition(policy, action, actor.id);
  if (!check.ok) throw new ApiError(check.status, check.message, undefined, { current: toView(policy) });
  return policy;
}

async function conflict(tx: Prisma.TransactionClient, id: string, action: PolicyAction): Promise<never> {
  const current = await tx.policy.findUnique({ where: { id } });
  throw new ApiError(409, `Cannot ${action}: the policy is now ${current?.status ?? "gone"} (someone else acted first).`, undefined, {
    current: current ? toView(current) : null,
  });
}

function audit(tx: Prisma.TransactionClient, ctx: Ctx, action: AuditAction, id: string, before: unknown, after: unknown) {
  return recordAudit(tx, { actor: ctx.actor, action, entityType: "Policy", entityId: id, before, after, requestId: ctx.requestId, ip: ctx.ip });
}

/**
 * Discards a DRAFT (issue 11 §4): a soft delete by its author, audited; the version number stays
 * used and the row stays for the audit trail, but the version list no longer shows it.
 */
export async function discardDraft(id: string, ctx: Ctx) {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    await guard(tx, id, "edit", ctx.actor); // author only, DRAFT only, not yet discarded
    const { count } = await tx.policy.updateMany({ where: { id, status: "DRAFT", discardedAt: null }, data: { discardedAt: new Date() } });
    if (count !== 1) await conflict(tx, id, "edit");
    const after = await tx.policy.findUniqueOrThrow({ where: { id } });
    await audit(tx, ctx, "policy.discarded", id, { status: "DRAFT" }, { status: "DRAFT", discarded: true });
    return toView(after);
  });
}
