import { mkdtempSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEMO_AUTH_SECRET, installationSecret, secretProblem } from "./auth-secret";
import { authSecret, publicUrlIsHttps } from "./env";

afterEach(() => {
  vi.unstubAllEnvs();
  delete (globalThis as { __limitDeskAuthSecret?: string }).__limitDeskAuthSecret;
});

const tmp = () => mkdtempSync(path.join(tmpdir(), "limitdesk-secret-"));

describe("the session signing secret", () => {
  it("is made once per installation, random, 0600, and reused on the next start", () => {
    const dir = path.join(tmp(), "data");
    const first = installationSecret(dir);
    expect(first.length).toBeGreaterThanOrEqual(48);
    expect(statSync(path.join(dir, "auth-secret")).mode & 0o777).toBe(0o600);
    expect(installationSecret(dir)).toBe(first);
    expect(installationSecret(path.join(tmp(), "other"))).not.toBe(first);
  });

  it("is the installation's own when NEXTAUTH_SECRET is unset, also in production", () => {
    const dir = tmp();
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("NEXTAUTH_SECRET", "");
    vi.stubEnv("LIMITDESK_DATA_DIR", dir);
    expect(authSecret()).toBe(readFileSync(path.join(dir, "auth-secret"), "utf8"));
  });

  it("refuses the published demo secret whatever LIMITDESK_DEMO says", () => {
    vi.stubEnv("LIMITDESK_DEMO", "1");
    vi.stubEnv("NEXTAUTH_SECRET", DEMO_AUTH_SECRET);
    expect(() => authSecret()).toThrow(/Refusing to start: NEXTAUTH_SECRET is unsafe \(it is the published demo secret\)/);
  });

  it("refuses a short secret and any secret written in the repository", () => {
    const root = tmp();
    mkdirSync(path.join(root, "e2e"));
    const leaked = "x".repeat(20) + "-committed-by-mistake-0123456789";
    writeFileSync(path.join(root, "e2e", "config.ts"), `const secret = "${leaked}";`);
    expect(secretProblem("short", root)).toMatch(/shorter than 32/);
    expect(secretProblem(leaked, root)).toBe("it is written in the repository (e2e/config.ts)");
    expect(secretProblem("a-long-random-value-nobody-has-committed-4711", root)).toBeNull();
  });

  it("accepts a real secret that is in no file of the project", () => {
    const secret = `s-${Math.random().toString(36).slice(2)}-${Date.now()}-not-in-any-file`;
    vi.stubEnv("NEXTAUTH_SECRET", secret);
    expect(authSecret()).toBe(secret);
  });

  it("needs no secret while building", () => {
    vi.stubEnv("NEXT_PHASE", "phase-production-build");
    vi.stubEnv("NEXTAUTH_SECRET", DEMO_AUTH_SECRET);
    expect(authSecret()).not.toBe(DEMO_AUTH_SECRET);
  });

  it("decides Secure cookies and HSTS from the public URL", () => {
    vi.stubEnv("NEXTAUTH_URL", "https://desk.example.com");
    expect(publicUrlIsHttps()).toBe(true);
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    expect(publicUrlIsHttps()).toBe(false);
  });
});
