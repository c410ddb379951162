// Every JSON API handler is built with `apiRoute`, which fixes the order of checks:
// no session → 401; role without the permission → 403 (before any input is read or any entity
// looked up); a write from another site → 403, a write without a JSON body type → 415
// (request-guards.ts); invalid query/params/body → 400 naming each bad field; then the handler
// (404 etc.).
import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { getActor, type Actor } from "@/features/auth/session";
import { actorCan, type Permission } from "@/features/auth/permissions";
import { authenticateToken } from "@/features/tokens/data";
import { ApiError, badRequest } from "./errors";
import { checkCrossSite, requestAddress, requestIdOf } from "./request-guards";

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** A signed-in user, or a service account calling with `Authorization: Bearer <token>`. */
export type Caller = Actor & { scope?: string | null };

export type RouteContext<Q, P, B> = {
  actor: Caller;
  idempotencyKey: string | null;
  query: Q;
  params: P;
  body: B;
  request: NextRequest;
  requestId: string;
  ip: string | null;
};

type Spec<QS, PS, BS> = { permission: Permission; query?: QS; params?: PS; body?: BS };

export function json(data: unknown, init?: ResponseInit & { requestId?: string }) {
  const headers = new Headers(init?.headers);
  if (init?.requestId) headers.set("x-request-id", init.requestId);
  headers.set("cache-control", "no-store");
  return Response.json(data, { ...init, headers });
}

function errorResponse(status: number, message: string, requestId: string, extra?: Record<string, unknown>) {
  return json({ status, message, requestId, ...extra }, { status, requestId });
}

export function apiRoute<QS extends Schema | undefined = undefined, PS extends Schema | undefined = undefined, BS extends Schema | undefined = undefined>(
  spec: Spec<QS, PS, BS>,
  handler: (ctx: RouteContext<Out<QS>, Out<PS>, Out<BS>>) => Promise<Response | unknown>,
) {
  return async (request: NextRequest, context: { params: Promise<Record<string, string>> }) => {
    const requestId = requestIdOf(request.headers);
    try {
      const actor = await resolveCaller(request);
      if (!actor) return errorResponse(401, "Sign in first: no valid session or API token.", requestId);
      if (!actorCan(actor, spec.permission)) {
        const who = actor.scope != null ? `This token's scope (${actor.scope})` : `Your role (${actor.role})`;
        return errorResponse(403, `${who} lacks the permission "${spec.permission}".`, requestId);
      }
      checkCrossSite(request, actor.scope == null);
      const query = parse(spec.query, queryObject(request.nextUrl.searchParams), "query parameters");
      const params = parse(spec.params, await context.params, "path parameters");
      const body = spec.body ? parse(spec.body, await readJson(request), "body", "body") : undefined;
      const ip = requestAddress(request.headers);
      const idempotencyKey = request.headers.get("idempotency-key")?.trim().slice(0, 200) || null;
      const result = await handler({ actor, query, params, body, request, requestId, ip, idempotencyKey } as RouteContext<Out<QS>, Out<PS>, Out<BS>>);
      return result instanceof Response ? result : json(result, { requestId });
    } catch (err) {
      if (err instanceof ApiError) {
        return errorResponse(err.status, err.message, requestId, { ...(err.issues ? { issues: err.issues } : {}), ...err.extra });
      }
      console.error(`[${requestId}]`, err);
      return errorResponse(500, "Internal error; quote the request id when reporting it.", requestId);
    }
  };
}

function parse<S extends Schema | undefined>(schema: S, value: unknown, where: string, prefix?: string): Out<S> {
  if (!schema) return undefined as Out<S>;
  const result = schema.safeParse(value);
  if (!result.success) throw badRequest(where, result.error, prefix);
  return result.data as Out<S>;
}

async function readJson(request: NextRequest): Promise<unknown> {
  const text = await request.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, "Invalid body: not valid JSON", [{ field: "body", message: "not valid JSON" }]);
  }
}

/** Query string → object; an empty value (`tier=`) means "not set", as in a submitted form. */
function queryObject(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries([...params].filter(([, v]) => v !== ""));
}

async function resolveCaller(request: NextRequest): Promise<Caller | null> {
  const auth = request.headers.get("authorization");
  if (auth?.toLowerCase().startsWith("bearer ")) {
    const token = await authenticateToken(auth.slice(7).trim());
    if (!token) return null;
    return { id: `token:${token.id}`, email: `token:${token.name}`, name: token.name, role: "SERVICE", scope: token.scope };
  }
  return getActor();
}
