import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "./security-headers";

describe("security headers", () => {
  it("allows only nonce'd scripts in production, no inline script and no eval", () => {
    const csp = contentSecurityPolicy("abc123", false);
    const script = csp.split("; ").find((d) => d.startsWith("script-src"))!;
    expect(script).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it("sends HSTS only when the public URL is https", () => {
    expect(securityHeaders("n", true, false)["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
    expect(securityHeaders("n", false, false)).not.toHaveProperty("Strict-Transport-Security");
    expect(securityHeaders("n", false, false)["Permissions-Policy"]).toContain("camera=()");
  });
});
