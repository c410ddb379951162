// Post-login destinations. Browsers drop tabs and newlines inside URLs and read "\" as "/", so
// "/\t/evil.example" is "//evil.example" to them: a check on the raw text is not enough. The
// value is resolved the way a browser would resolve it against our own origin; only a path on
// that origin survives, re-serialised (percent-encoded ASCII, so it is always a valid Location).
const BASE = "http://limit-desk.invalid";

export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.length > 2000) return "/";
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // The same test again on the result, so what we send is what the browser will follow.
  if (!path.startsWith("/") || path.startsWith("//") || /[\\\s\u0000-\u001f\u007f-\uffff]/.test(path)) return "/";
  if (path === "/login" || path.startsWith("/login?") || path.startsWith("/login/") || path.startsWith("/api/")) return "/";
  return path;
}

/** next-auth's redirect callback: our own origin only, as an absolute URL; anything else → home. */
export function safeRedirect(url: string, baseUrl: string): string {
  let relative = url;
  try {
    const parsed = new URL(url, baseUrl);
    if (parsed.origin !== new URL(baseUrl).origin) return baseUrl;
    relative = url.startsWith("/") ? url : `${parsed.pathname}${parsed.search}${parsed.hash}`;
  } catch {
    return baseUrl;
  }
  return `${baseUrl.replace(/\/$/, "")}${safeCallbackUrl(relative)}`;
}
