import type { z } from "zod";

export type FieldIssue = { field: string; message: string };

/** An error with an HTTP status that route handlers turn into a JSON answer. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues?: FieldIssue[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export function zodIssues(error: z.ZodError, prefix?: string): FieldIssue[] {
  return error.issues.map((i) => ({
    field: [prefix, ...i.path.map(String)].filter(Boolean).join(".") || (prefix ?? "(root)"),
    message: i.message,
  }));
}

export function badRequest(where: string, error: z.ZodError, prefix?: string): ApiError {
  const issues = zodIssues(error, prefix);
  const names = [...new Set(issues.map((i) => i.field))].join(", ");
  return new ApiError(400, `Invalid ${where}: ${names}`, issues);
}

export const notFound = (what: string) => new ApiError(404, `${what} not found`);
