import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { ThrottledError } from "./authenticate";

// next-auth turns an error thrown in `authorize` into a 200 (or 302) pointing at the error page.
// A throttled attempt should say so in HTTP too: the route (route-handler.ts) runs next-auth
// inside this store and answers 429 with Retry-After when `authorize` noted a throttle.
export const throttleSignal = new AsyncLocalStorage<{ retryAfter?: number }>();

/** Called by `authorize` with whatever it threw, before next-auth swallows it. */
export function noteAuthorizeError(err: unknown) {
  const store = throttleSignal.getStore();
  if (store && err instanceof ThrottledError) store.retryAfter = err.retryAfterSeconds;
}
