// The OpenAPI 3.1 document, generated from the same zod schemas the handlers validate with.
import { z } from "zod";
import { borrowerDetailSchema, borrowerIdParamsSchema, borrowerListQuerySchema, borrowerListResponseSchema } from "@/features/borrowers/schema";

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
  { method: "get", path: "/api/v1/model", summary: "The active scorecard: holdout AUC/KS/Gini, curves, characteristics and points", permission: "model:read" },
  { method: "get", path: "/api/v1/overview", summary: "Portfolio overview: tier mix, changes, score histogram", permission: "portfolio:read" },
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
    components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" } } },
    security: [{ session: [] }],
    paths,
  };
}
