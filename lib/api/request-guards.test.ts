import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "./errors";
import { checkCrossSite, requestIdOf } from "./request-guards";

afterEach(() => vi.unstubAllEnvs());

const req = (method: string, headers: Record<string, string>) => ({ method, headers: new Headers({ host: "127.0.0.1:3320", ...headers }) });
const status = (fn: () => void) => {
  try {
    fn();
    return 200;
  } catch (err) {
    return (err as ApiError).status;
  }
};

describe("cross-site request rules", () => {
  const json = { "content-type": "application/json" };
  it("lets same-origin JSON writes and every read through", () => {
    expect(status(() => checkCrossSite(req("POST", { ...json, origin: "http://127.0.0.1:3320" }), true))).toBe(200);
    expect(status(() => checkCrossSite(req("PUT", { "content-type": "application/json; charset=utf-8", referer: "http://127.0.0.1:3320/policies" }), true))).toBe(200);
    expect(status(() => checkCrossSite(req("GET", { origin: "http://evil.example" }), true))).toBe(200);
  });

  it("refuses another origin, another port of the same host, and a missing Origin with 403", () => {
    for (const origin of ["http://127.0.0.1:8080", "http://evil.example", "null"]) {
      expect(status(() => checkCrossSite(req("POST", { ...json, origin }), true)), origin).toBe(403);
    }
    expect(status(() => checkCrossSite(req("POST", json), true))).toBe(403);
  });

  it("accepts the public URL's origin behind a proxy that rewrites Host", () => {
    vi.stubEnv("NEXTAUTH_URL", "https://desk.example.com");
    expect(status(() => checkCrossSite(req("POST", { ...json, host: "10.0.0.5:3000", origin: "https://desk.example.com" }), true))).toBe(200);
  });

  it("refuses non-JSON bodies with 415 (no more text/plain parsed as JSON)", () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""]) {
      expect(status(() => checkCrossSite(req("POST", { "content-type": type, origin: "http://127.0.0.1:3320" }), true)), type).toBe(415);
    }
  });

  it("lets a file route (the imports upload) take text/csv and multipart, still only from our own origin", () => {
    const types = ["text/csv", "multipart/form-data"];
    for (const type of ["text/csv", "multipart/form-data; boundary=x"]) {
      expect(status(() => checkCrossSite(req("POST", { "content-type": type, origin: "http://127.0.0.1:3320" }), true, types)), type).toBe(200);
      expect(status(() => checkCrossSite(req("POST", { "content-type": type, origin: "http://evil.example" }), true, types)), type).toBe(403);
    }
    expect(status(() => checkCrossSite(req("POST", { ...json, origin: "http://127.0.0.1:3320" }), true, types))).toBe(415);
  });

  it("exempts Bearer-token callers from the Origin rule, not from the JSON rule", () => {
    expect(status(() => checkCrossSite(req("POST", json), false))).toBe(200);
    expect(status(() => checkCrossSite(req("POST", { "content-type": "text/plain" }), false))).toBe(415);
  });
});

describe("request ids", () => {
  it("keeps a plain client id and replaces anything else with a server-made one", () => {
    expect(requestIdOf(new Headers({ "x-request-id": "abc-123_X.9" }))).toBe("abc-123_X.9");
    for (const bad of ["=HYPERLINK(\"x\")", "a b", "x".repeat(65), ""]) {
      expect(requestIdOf(new Headers(bad ? { "x-request-id": bad } : {}))).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
