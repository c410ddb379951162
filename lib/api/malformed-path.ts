// A URL whose percent-encoding is not valid UTF-8 (`/api/v1/borrowers/%ED%A0%80`, `%FF`) made
// Next's route matcher throw while decoding the dynamic segment: a plain-text 500 before any
// handler ran (issue 9 §7, found by the route fuzz test). The proxy answers 400 for such URLs.
export function isMalformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/** The 400 answer for a malformed URL, in the API's error shape; null when the URL is fine. */
export function malformedPathResponse(pathname: string): Response | null {
  if (!isMalformedPath(pathname)) return null;
  const requestId = crypto.randomUUID(); // global Web Crypto: works in either proxy runtime
  return Response.json(
    { status: 400, message: "Malformed URL: its percent-encoding is not valid UTF-8.", requestId },
    { status: 400, headers: { "x-request-id": requestId, "cache-control": "no-store" } },
  );
}
