// Runs before routing (Next 16 "proxy", formerly middleware).
import { NextResponse, type NextRequest } from "next/server";
import { malformedPathResponse } from "@/lib/api/malformed-path";

export function proxy(request: NextRequest) {
  // Before anything else: Next's router would answer 500 while decoding such a path.
  return malformedPathResponse(request.nextUrl.pathname) ?? NextResponse.next();
}

export const config = { matcher: "/:path*" };
