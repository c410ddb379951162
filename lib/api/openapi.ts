// The OpenAPI 3.1 document, generated from the same zod schemas the handlers validate with.
import { z } from "zod";
import { borrowerDetailSchema, borrowerIdParamsSchema, borrowerListQuerySchema, borrowerListResponseSchema } from "@/features/borrowers/schema";
import { approveBodySchema, createPolicySchema, diffQuerySchema, policyIdParamsSchema, previewBodySchema, rejectBodySchema, updatePolicySchema } from "@/features/policy/schema";
import { adjustmentListQuerySchema, approveAdjustmentSchema, bulkDecisionSchema, idParamsSchema, manualProposalSchema, rejectAdjustmentSchema } from "@/features/adjustments/schema";
import { appealListQuerySchema, decideAppealSchema, recordAppealSchema } from "@/features/appeals/schema";
import { auditQuerySchema } from "@/features/audit/schema";
import { feedQuerySchema } from "@/features/limit-changes/schema";
import { createTokenSchema } from "@/features/tokens/schema";
import { settingsSchema } from "@/features/settings/schema";
import { monitoringQuerySchema } from "@/features/monitoring/schema";

type Operation = {
  method: "get" | "post" | "put";
  path: string;
  summary: string;
  permission: string;
  query?: z.ZodObject;
  params?: z.ZodObject;
  body?: z.ZodType;
  response?: z.ZodType;
};

const errorSchema = z.object({
  status: z.number().int(),
  message: z.string(),
  requestId: z.string(),
  issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

export const OPERATIONS: Operation[] = [
  { method: "get", path: "/api/v1/borrowers", summary: "Borrowers of the latest month, filtered, sorted and paged (format=csv: all matching rows as CSV)", permission: "portfolio:read", query: borrowerListQuerySchema, response: borrowerListResponseSchema },
  { method: "get", path: "/api/v1/borrowers/{id}", summary: "One borrower: score, tier and statement history, reason codes", permission: "portfolio:read", params: borrowerIdParamsSchema, response: borrowerDetailSchema },
  { method: "get", path: "/api/v1/model", summary: "The active scorecard: CV (mean ± sd) and holdout AUC/KS/Gini, calibration, challenger, curves, characteristics and points", permission: "model:read" },
  { method: "get", path: "/api/v1/monitoring", summary: "Stored monitoring report of a month against a reference month: PSI, CSI per bin, performance, calibration, tier mix, alerts", permission: "model:read", query: monitoringQuerySchema },
  { method: "get", path: "/api/v1/overview", summary: "Portfolio overview: tier mix, changes, score histogram", permission: "portfolio:read" },
  { method: "get", path: "/api/v1/policies", summary: "Policy versions, newest first", permission: "policy:read" },
  { method: "post", path: "/api/v1/policies", summary: "Create a DRAFT (from a config, or a copy of an older version)", permission: "policy:draft", body: createPolicySchema },
  { method: "get", path: "/api/v1/policies/{id}", summary: "One policy version with its audit history", permission: "policy:read", params: policyIdParamsSchema },
  { method: "put", path: "/api/v1/policies/{id}", summary: "Edit a DRAFT (author only; 409 otherwise)", permission: "policy:draft", params: policyIdParamsSchema, body: updatePolicySchema },
  { method: "post", path: "/api/v1/policies/{id}/submit", summary: "DRAFT → SUBMITTED (author)", permission: "policy:draft", params: policyIdParamsSchema },
  { method: "post", path: "/api/v1/policies/{id}/approve", summary: "SUBMITTED → APPROVED (not the author: 403)", permission: "policy:approve", params: policyIdParamsSchema, body: approveBodySchema },
  { method: "post", path: "/api/v1/policies/{id}/reject", summary: "SUBMITTED → REJECTED with a comment", permission: "policy:approve", params: policyIdParamsSchema, body: rejectBodySchema },
  { method: "post", path: "/api/v1/policies/{id}/activate", summary: "APPROVED → ACTIVE; retires the previous one and re-tiers the latest month", permission: "policy:approve", params: policyIdParamsSchema },
  { method: "post", path: "/api/v1/policies/{id}/run", summary: "Run the ACTIVE policy: one PENDING adjustment per borrower whose limit would change (idempotent per version and month)", permission: "adjustment:propose", params: policyIdParamsSchema },
  { method: "post", path: "/api/v1/policies/preview", summary: "Impact of a draft policy against the ACTIVE one", permission: "policy:read", body: previewBodySchema },
  { method: "get", path: "/api/v1/policies/diff", summary: "Field-by-field difference between two versions", permission: "policy:read", query: diffQuerySchema },
  { method: "get", path: "/api/v1/adjustments", summary: "Adjustments with filters", permission: "portfolio:read", query: adjustmentListQuerySchema },
  { method: "post", path: "/api/v1/adjustments", summary: "Manual proposal (409 when the borrower already has a PENDING one)", permission: "adjustment:propose", body: manualProposalSchema },
  { method: "get", path: "/api/v1/adjustments/{id}", summary: "One adjustment with its approvals", permission: "portfolio:read", params: idParamsSchema },
  { method: "post", path: "/api/v1/adjustments/{id}/approve", summary: "Approve (Idempotency-Key header supported; 409 when decided)", permission: "adjustment:decide", params: idParamsSchema, body: approveAdjustmentSchema },
  { method: "post", path: "/api/v1/adjustments/{id}/reject", summary: "Reject with a comment", permission: "adjustment:decide", params: idParamsSchema, body: rejectAdjustmentSchema },
  { method: "post", path: "/api/v1/adjustments/bulk", summary: "Decide many; each in its own transaction, each outcome reported", permission: "adjustment:decide", body: bulkDecisionSchema },
  { method: "get", path: "/api/v1/appeals", summary: "Appeals, overdue first", permission: "portfolio:read", query: appealListQuerySchema },
  { method: "post", path: "/api/v1/appeals", summary: "Record a borrower's appeal against a decrease", permission: "appeal:record", body: recordAppealSchema },
  { method: "post", path: "/api/v1/appeals/{id}/decide", summary: "Uphold or reverse (not by an approver of the cut)", permission: "adjustment:decide", params: idParamsSchema, body: decideAppealSchema },
  { method: "get", path: "/api/v1/audit", summary: "Audit trail with filters (format=csv for all rows)", permission: "audit:read", query: auditQuerySchema },
  { method: "get", path: "/api/v1/audit/verify", summary: "Verify the audit hash chain", permission: "audit:read" },
  { method: "get", path: "/api/v1/limit-changes", summary: "Export feed of scheduled and applied limit changes (cursor; Bearer token with scope limit-changes:read)", permission: "limitchanges:read", query: feedQuerySchema },
  { method: "get", path: "/api/v1/settings", summary: "Approval threshold and appeal SLA in force", permission: "portfolio:read" },
  { method: "put", path: "/api/v1/settings", summary: "Change settings (audited)", permission: "users:manage", body: settingsSchema },
  { method: "get", path: "/api/v1/tokens", summary: "Service-account API tokens", permission: "users:manage" },
  { method: "post", path: "/api/v1/tokens", summary: "Create a token (shown once)", permission: "users:manage", body: createTokenSchema },
  { method: "post", path: "/api/v1/tokens/{id}/revoke", summary: "Revoke a token", permission: "users:manage", params: idParamsSchema },
];

const schema = (s: z.ZodType, io: "input" | "output") => z.toJSONSchema(s, { io, unrepresentable: "any" });

function parameters(obj: z.ZodObject | undefined, where: "query" | "path") {
  if (!obj) return [];
  return Object.entries(obj.shape).map(([name, s]) => ({
    name,
    in: where,
    required: where === "path" || !(s as z.ZodType).safeParse(undefined).success,
    schema: schema(s as z.ZodType, "input"),
  }));
}

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const errors = Object.fromEntries(
      [["400", "Invalid input: every bad field is listed"], ["401", "No session"], ["403", `Role lacks ${op.permission}`], ["404", "Not found"]].map(
        ([code, description]) => [code, { description, content: { "application/json": { schema: schema(errorSchema, "output") } } }],
      ),
    );
    paths[op.path] = {
      ...paths[op.path],
      [op.method]: {
        summary: op.summary,
        "x-permission": op.permission,
        parameters: [...parameters(op.params, "path"), ...parameters(op.query, "query")],
        ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: schema(op.body, "input") } } } } : {}),
        responses: {
          "200": { description: "OK", content: { "application/json": { schema: op.response ? schema(op.response, "output") : {} } } },
          ...errors,
        },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Limit Desk API", version: "1.0.0", description: "Session-cookie authenticated JSON API of Limit Desk." },
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
        serviceToken: { type: "http", scheme: "bearer", description: "Service-account token; scope limit-changes:read reaches only the feed" },
      },
    },
    security: [{ session: [] }, { serviceToken: [] }],
    paths,
  };
}
