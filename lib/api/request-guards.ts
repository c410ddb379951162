// Checks on the request itself, run by apiRoute after the permission check and before the input
// is read: the request id, the client address, and the cross-site request rules.
import { randomUUID } from "node:crypto";
import { clientAddress } from "@/lib/client-address";
import { ApiError } from "./errors";

type RequestLike = { method: string; headers: Headers; nextUrl?: { host: string } };

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** A client's `x-request-id` is kept only when it is a plain token; otherwise the server makes one. */
export function requestIdOf(headers: Headers): string {
  const sent = headers.get("x-request-id");
  return sent && SAFE_REQUEST_ID.test(sent) ? sent : randomUUID();
}

export function requestAddress(headers: Headers): string | null {
  return clientAddress(headers);
}

const JSON_ONLY = ["application/json"] as const;
const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function originOf(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

/** The app's own origins: the public URL, and the host the browser addressed this request to. */
function ownHosts(request: RequestLike): Set<string> {
  const hosts = new Set<string>();
  const publicOrigin = originOf(process.env.NEXTAUTH_URL ?? null);
  if (publicOrigin) hosts.add(new URL(publicOrigin).host);
  const host = request.headers.get("host");
  if (host) hosts.add(host.toLowerCase());
  return hosts;
}

/**
 * Cross-site request forgery. A browser attaches the session cookie to requests that another
 * site (even another port of the same host: same-site, so SameSite=Lax does not help) makes it
 * send. Such requests cannot carry `Content-Type: application/json` without a CORS preflight we
 * never answer, and they carry the other site's Origin. So a write with the session cookie needs
 * our own Origin (or, without one, Referer) → 403 otherwise; every write needs a JSON body type →
 * 415 otherwise. Bearer-token callers send no cookie and are exempt from the Origin rule.
 * A route that takes a file (POST /api/v1/imports) lists its body types deliberately: a multipart
 * form CAN be sent cross-site without a preflight, so for it the Origin rule above is what protects.
 */
export function checkCrossSite(request: RequestLike, viaCookie: boolean, bodyTypes: readonly string[] = JSON_ONLY) {
  if (!MUTATING.has(request.method.toUpperCase())) return;
  if (viaCookie) {
    const origin = originOf(request.headers.get("origin")) ?? originOf(request.headers.get("referer"));
    if (!origin || !ownHosts(request).has(new URL(origin).host)) {
      throw new ApiError(403, "Cross-site request refused: Origin (or Referer) must be this application's own address.");
    }
  }
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (!bodyTypes.includes(type)) {
    throw new ApiError(415, `Unsupported media type: send the body as Content-Type: ${bodyTypes.join(" or ")}.`);
  }
}
