// Next.js 16 proxy (formerly middleware): a fresh CSP nonce for every request, handed to the
// renderer through the request headers and to the browser through the response headers.
import { NextResponse, type NextRequest } from "next/server";
import { publicUrlIsHttps } from "@/lib/env";
import { securityHeaders } from "@/lib/security-headers";

export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const headers = securityHeaders(nonce, publicUrlIsHttps());
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", headers["Content-Security-Policy"]);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static files carry no inline script; everything rendered or answered by the app gets the headers.
  matcher: [{ source: "/((?!_next/static|_next/image|icon.svg).*)" }],
};
