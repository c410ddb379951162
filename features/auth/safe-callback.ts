/**
 * Only same-site paths may be a post-login destination ("/borrowers?tier=HIGH"); anything else
 * (absolute URLs, "//evil.example", "/\\evil") falls back to "/" so the login page is no open redirect.
 */
export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return "/";
  if (value.startsWith("/login") || value.startsWith("/api/")) return "/";
  return value;
}
