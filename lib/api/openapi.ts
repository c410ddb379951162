// The OpenAPI 3.1 document, assembled from the routes' own specs (issue 9 §12): every handler is
// built with `apiRoute({ permission, summary, query, params, body, … })`, and this file lists the
// route modules by URL path. lib/api/openapi.test.ts walks app/api/**/route.ts and fails when a
// route file is missing here or a key does not match its file's path.
import { z } from "zod";
import type { RouteHandler, RouteSpec } from "./route";
import * as r_imports from "@/app/api/v1/imports/route";
import * as r_model_versions from "@/app/api/v1/model/versions/route";
import * as r_model_candidates from "@/app/api/v1/model/candidates/route";
import * as r_model_versions_approve from "@/app/api/v1/model/versions/[version]/approve/route";
import * as r_model_versions_reject from "@/app/api/v1/model/versions/[version]/reject/route";
import * as r_imports_id from "@/app/api/v1/imports/[id]/route";
import * as r_adjustments_id_approve from "@/app/api/v1/adjustments/[id]/approve/route";
import * as r_adjustments_id_reject from "@/app/api/v1/adjustments/[id]/reject/route";
import * as r_adjustments_id from "@/app/api/v1/adjustments/[id]/route";
import * as r_adjustments_bulk from "@/app/api/v1/adjustments/bulk/route";
import * as r_adjustments_override_check from "@/app/api/v1/adjustments/override-check/route";
import * as r_overrides from "@/app/api/v1/overrides/route";
import * as r_adjustments_bulk_by_filter from "@/app/api/v1/adjustments/bulk-by-filter/route";
import * as r_adjustments_reason_codes from "@/app/api/v1/adjustments/reason-codes/route";
import * as r_adjustments from "@/app/api/v1/adjustments/route";
import * as r_appeals_id_decide from "@/app/api/v1/appeals/[id]/decide/route";
import * as r_appeals from "@/app/api/v1/appeals/route";
import * as r_audit_actions from "@/app/api/v1/audit/actions/route";
import * as r_audit from "@/app/api/v1/audit/route";
import * as r_audit_verify from "@/app/api/v1/audit/verify/route";
import * as r_borrowers_id from "@/app/api/v1/borrowers/[id]/route";
import * as r_borrowers from "@/app/api/v1/borrowers/route";
import * as r_limit_changes from "@/app/api/v1/limit-changes/route";
import * as r_model from "@/app/api/v1/model/route";
import * as r_openapi_json from "@/app/api/v1/openapi.json/route";
import * as r_overview from "@/app/api/v1/overview/route";
import * as r_policies_id_activate from "@/app/api/v1/policies/[id]/activate/route";
import * as r_policies_id_approve from "@/app/api/v1/policies/[id]/approve/route";
import * as r_policies_id_reject from "@/app/api/v1/policies/[id]/reject/route";
import * as r_policies_id from "@/app/api/v1/policies/[id]/route";
import * as r_policies_id_run from "@/app/api/v1/policies/[id]/run/route";
import * as r_policies_id_discard from "@/app/api/v1/policies/[id]/discard/route";
import * as r_policies_id_submit from "@/app/api/v1/policies/[id]/submit/route";
import * as r_policies_diff from "@/app/api/v1/policies/diff/route";
import * as r_policies_preview from "@/app/api/v1/policies/preview/route";
import * as r_policies from "@/app/api/v1/policies/route";
import * as r_settings from "@/app/api/v1/settings/route";
import * as r_tokens_id_revoke from "@/app/api/v1/tokens/[id]/revoke/route";
import * as r_tokens from "@/app/api/v1/tokens/route";
import * as r_jobs_id from "@/app/api/v1/jobs/[id]/route";
import * as r_policy_runs_id from "@/app/api/v1/policy-runs/[runId]/route";
import * as r_policy_runs_id_approve from "@/app/api/v1/policy-runs/[runId]/approve/route";
import * as r_policy_runs_id_reject from "@/app/api/v1/policy-runs/[runId]/reject/route";
import * as r_monitoring from "@/app/api/v1/monitoring/route";

type RouteModule = Partial<Record<(typeof METHODS)[number], unknown>>;
export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** URL path (OpenAPI style, `{id}`) → the route module serving it. */
export const ROUTE_MODULES: Record<string, RouteModule> = {
  "/api/v1/adjustments/{id}/approve": r_adjustments_id_approve,
  "/api/v1/adjustments/{id}/reject": r_adjustments_id_reject,
  "/api/v1/adjustments/{id}": r_adjustments_id,
  "/api/v1/adjustments/bulk": r_adjustments_bulk,
  "/api/v1/adjustments/bulk-by-filter": r_adjustments_bulk_by_filter,
  "/api/v1/adjustments/reason-codes": r_adjustments_reason_codes,
  "/api/v1/adjustments/override-check": r_adjustments_override_check,
  "/api/v1/overrides": r_overrides,
  "/api/v1/adjustments": r_adjustments,
  "/api/v1/appeals/{id}/decide": r_appeals_id_decide,
  "/api/v1/appeals": r_appeals,
  "/api/v1/audit/actions": r_audit_actions,
  "/api/v1/audit": r_audit,
  "/api/v1/audit/verify": r_audit_verify,
  "/api/v1/borrowers/{id}": r_borrowers_id,
  "/api/v1/jobs/{id}": r_jobs_id,
  "/api/v1/imports": r_imports,
  "/api/v1/imports/{id}": r_imports_id,
  "/api/v1/model/versions": r_model_versions,
  "/api/v1/model/candidates": r_model_candidates,
  "/api/v1/model/versions/{version}/approve": r_model_versions_approve,
  "/api/v1/model/versions/{version}/reject": r_model_versions_reject,
  "/api/v1/borrowers": r_borrowers,
  "/api/v1/limit-changes": r_limit_changes,
  "/api/v1/model": r_model,
  "/api/v1/monitoring": r_monitoring,
  "/api/v1/openapi.json": r_openapi_json,
  "/api/v1/overview": r_overview,
  "/api/v1/policies/{id}/activate": r_policies_id_activate,
  "/api/v1/policies/{id}/approve": r_policies_id_approve,
  "/api/v1/policies/{id}/reject": r_policies_id_reject,
  "/api/v1/policies/{id}": r_policies_id,
  "/api/v1/policies/{id}/run": r_policies_id_run,
  "/api/v1/policy-runs/{runId}": r_policy_runs_id,
  "/api/v1/policy-runs/{runId}/approve": r_policy_runs_id_approve,
  "/api/v1/policy-runs/{runId}/reject": r_policy_runs_id_reject,
  "/api/v1/policies/{id}/submit": r_policies_id_submit,
  "/api/v1/policies/{id}/discard": r_policies_id_discard,
  "/api/v1/policies/diff": r_policies_diff,
  "/api/v1/policies/preview": r_policies_preview,
  "/api/v1/policies": r_policies,
  "/api/v1/settings": r_settings,
  "/api/v1/tokens/{id}/revoke": r_tokens_id_revoke,
  "/api/v1/tokens": r_tokens,
};

export type Operation = RouteSpec & { method: Lowercase<(typeof METHODS)[number]>; path: string };

/** Every operation of the API, read from the exported handlers' specs. */
export function operations(): Operation[] {
  return Object.entries(ROUTE_MODULES).flatMap(([path, mod]) =>
    METHODS.flatMap((m) => {
      const handler = mod[m] as RouteHandler | undefined;
      return handler?.spec ? [{ ...handler.spec, method: m.toLowerCase() as Operation["method"], path }] : [];
    }),
  );
}

const errorSchema = z.object({
  status: z.number().int(),
  message: z.string(),
  requestId: z.string(),
  issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

const schema = (s: z.ZodType, io: "input" | "output") => z.toJSONSchema(s, { io, unrepresentable: "any" });

function parameters(obj: z.ZodType | undefined, where: "query" | "path") {
  if (!obj) return [];
  const shape = (obj as z.ZodObject).shape ?? {};
  return Object.entries(shape).map(([name, s]) => ({
    name,
    in: where,
    required: where === "path" || !(s as z.ZodType).safeParse(undefined).success,
    schema: schema(s as z.ZodType, "input"),
  }));
}

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations()) {
    const errors = Object.fromEntries(
      [["400", "Invalid input: every bad field is listed"], ["401", "No session"], ["403", `Role lacks ${op.permission}`], ["404", "Not found"]].map(
        ([code, description]) => [code, { description, content: { "application/json": { schema: schema(errorSchema, "output") } } }],
      ),
    );
    const writes = op.method !== "get" && !op.readOnly;
    paths[op.path] = {
      ...paths[op.path],
      [op.method]: {
        summary: op.summary,
        "x-permission": op.permission,
        // A write changes data: an auditor must get 403; Idempotency-Key is honoured on it.
        "x-writes": writes,
        parameters: [
          ...parameters(op.params, "path"),
          ...parameters(op.query, "query"),
          ...(writes ? [{ name: "Idempotency-Key", in: "header", required: false, schema: { type: "string", maxLength: 200 } }] : []),
        ],
        ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: schema(op.body, "input") } } } } : {}),
        responses: {
          "200": { description: "OK", content: { "application/json": { schema: op.response ? schema(op.response, "output") : {} } } },
          ...(writes ? { "422": { description: "Idempotency-Key reused for a different request" } } : {}),
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
