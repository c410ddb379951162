import { afterEach, describe, expect, it, vi } from "vitest";
import { authSecret, DEMO_AUTH_SECRET } from "./env";

afterEach(() => vi.unstubAllEnvs());

describe("authSecret", () => {
  it("refuses production without a real secret unless the demo flag is set", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("NEXTAUTH_SECRET", "");
    vi.stubEnv("LIMITDESK_DEMO", "");
    expect(() => authSecret()).toThrow(/NEXTAUTH_SECRET/);
    vi.stubEnv("NEXTAUTH_SECRET", DEMO_AUTH_SECRET);
    expect(() => authSecret()).toThrow(/Refusing to start/);
    vi.stubEnv("LIMITDESK_DEMO", "1");
    expect(authSecret()).toBe(DEMO_AUTH_SECRET);
  });
  it("uses a real secret in production", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("NEXTAUTH_SECRET", "a-real-secret-of-some-length");
    expect(authSecret()).toBe("a-real-secret-of-some-length");
  });
});
