import "server-only";
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "./options";
import { throttleSignal } from "./throttle-signal";

const nextAuth = NextAuth(authOptions);

/** next-auth's route, except that a throttled log-in answers 429 with Retry-After (same JSON body). */
export async function authRoute(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) {
  const store: { retryAfter?: number } = {};
  const response: Response = await throttleSignal.run(store, () => nextAuth(request, context));
  if (store.retryAfter === undefined) return response;
  const headers = new Headers(response.headers);
  headers.set("retry-after", String(store.retryAfter));
  return new Response(response.body, { status: 429, headers });
}
