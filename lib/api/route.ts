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
import { releaseKey, requestHash, reserveKey, storeAnswer, type IdempotencyScope } from "@/features/idempotency/mutations";
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

/**
 * What a route declares about itself; the OpenAPI document (lib/api/openapi.ts) is assembled
 * from these specs, so the document cannot miss a route or disagree with its validation.
 */
export type Spec<QS, PS, BS> = {
  permission: Permission;
  summary: string;
  query?: QS;
  params?: PS;
  body?: BS;
  /** Response shape, for the document only. */
  response?: Schema;
  /** A POST that changes nothing (the impact preview): no Idempotency-Key handling, not a "write". */
  readOnly?: true;
  /**
   * A route that reads a file body itself (not JSON): the content types it accepts instead of
   * application/json. Such a route skips Idempotency-Key replays: the file's checksum is its key.
   */
  fileBody?: readonly string[];
  /** Top-level answer fields never stored for Idempotency-Key replays (a token's secret). */
  replayRedacts?: readonly string[];
};
export type RouteSpec = Spec<Schema | undefined, Schema | undefined, Schema | undefined>;
export type RouteHandler = ((request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>) & { spec: RouteSpec };

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
  const route = async (request: NextRequest, context: { params: Promise<Record<string, string>> }) => {
    const requestId = requestIdOf(request.headers);
    try {
      const actor = await resolveCaller(request);
      if (!actor) return errorResponse(401, "Sign in first: no valid session or API token.", requestId);
      if (!actorCan(actor, spec.permission)) {
        const who = actor.scope != null ? `This token's scope (${actor.scope})` : `Your role (${actor.role})`;
        return errorResponse(403, `${who} lacks the permission "${spec.permission}".`, requestId);
      }
      checkCrossSite(request, actor.scope == null, spec.fileBody);
      const query = parse(spec.query, queryObject(request.nextUrl.searchParams), "query parameters");
      const params = parse(spec.params, await context.params, "path parameters");
      const rawBody = spec.body ? await readJson(request) : undefined;
      const body = spec.body ? parse(spec.body, rawBody, "body", "body") : undefined;
      const ip = requestAddress(request.headers);
      const idempotencyKey = request.headers.get("idempotency-key")?.trim().slice(0, 200) || null;
      const run = async () => {
        const result = await handler({ actor, query, params, body, request, requestId, ip, idempotencyKey } as RouteContext<Out<QS>, Out<PS>, Out<BS>>);
        return result instanceof Response ? result : json(result, { requestId });
      };
      if (!idempotencyKey || request.method === "GET" || spec.readOnly || spec.fileBody) return await run();
      const scope = { actorId: actor.id, key: idempotencyKey, route: `${request.method} ${request.nextUrl.pathname}`, bodyHash: requestHash(rawBody ?? null) };
      return await withIdempotency(scope, requestId, spec.replayRedacts ?? [], run);
    } catch (err) {
      if (err instanceof ApiError) {
        return errorResponse(err.status, err.message, requestId, { ...(err.issues ? { issues: err.issues } : {}), ...err.extra });
      }
      console.error(`[${requestId}]`, err);
      return errorResponse(500, "Internal error; quote the request id when reporting it.", requestId);
    }
  };
  return Object.assign(route, { spec: spec as RouteSpec }) as RouteHandler;
}

/** Same key + same request → the first answer again (header `idempotent-replayed: true`). */
export async function withIdempotency(scope: IdempotencyScope, requestId: string, redacts: readonly string[], run: () => Promise<Response>) {
  const stored = await reserveKey(scope);
  if (stored) return json(stored.body, { status: stored.status, requestId, headers: { "idempotent-replayed": "true" } });
  let response: Response;
  try {
    response = await run();
  } catch (err) {
    await releaseKey(scope);
    throw err;
  }
  if (!response.ok || !response.headers.get("content-type")?.includes("json")) {
    await releaseKey(scope);
    return response;
  }
  const answer = (await response.clone().json()) as Record<string, unknown>;
  const kept = redacts.length ? Object.fromEntries(Object.entries(answer).map(([k, v]) => [k, redacts.includes(k) ? null : v])) : answer;
  await storeAnswer(scope, response.status, kept);
  return response;
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
