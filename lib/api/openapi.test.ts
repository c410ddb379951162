import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { METHODS, ROUTE_MODULES, openApiDocument, operations } from "./openapi";

// next-auth's own endpoints (sign-in, CSRF token, session) are not part of the JSON API.
const NOT_DOCUMENTED = ["/api/auth/{...nextauth}"];

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? routeFiles(path.join(dir, d.name)) : d.name === "route.ts" ? [path.join(dir, d.name)] : [],
  );
}
/** app/api/v1/borrowers/[id]/route.ts → /api/v1/borrowers/{id} */
const urlPath = (file: string) =>
  "/" + path.relative("app", path.dirname(file)).split(path.sep).join("/").replace(/\[([^\]]+)\]/g, "{$1}");

describe("OpenAPI document (issue 9 §12)", () => {
  const files = routeFiles(path.join(process.cwd(), "app", "api")).map((f) => path.relative(process.cwd(), f));

  it("documents every route file under app/api, by its own path", async () => {
    const expected = files.map(urlPath).filter((p) => !NOT_DOCUMENTED.includes(p)).sort();
    expect(Object.keys(ROUTE_MODULES).sort()).toEqual(expected);
    const doc = openApiDocument();
    for (const p of ["/api/v1/adjustments/reason-codes", "/api/v1/audit/actions", "/api/v1/openapi.json"]) expect(doc.paths[p], p).toBeDefined();
  });

  it("has a spec (permission, summary) for every method every route file exports", async () => {
    for (const file of files) {
      const p = urlPath(file);
      if (NOT_DOCUMENTED.includes(p)) continue;
      const mod = (await import(path.join(process.cwd(), file))) as Record<string, unknown>;
      const exported = METHODS.filter((m) => typeof mod[m] === "function");
      expect(exported.length, file).toBeGreaterThan(0);
      const documented = operations().filter((o) => o.path === p).map((o) => o.method.toUpperCase());
      expect(documented.sort(), file).toEqual([...exported].sort());
      for (const m of exported) expect((mod[m] as { spec?: { summary?: string } }).spec?.summary, `${m} ${p}`).toBeTruthy();
    }
  });

  it("has no catch-all dispatcher routes: every sub-action is its own route file", () => {
    const dynamicLeaf = files.filter((f) => /\[[^\]]+\]\/\[[^\]]+\]\/route\.ts$/.test(f) && !f.startsWith(path.join("app", "api", "auth")));
    expect(dynamicLeaf).toEqual([]);
  });

  it("documents every borrower-list query parameter from the zod schema", () => {
    const doc = openApiDocument();
    const list = (doc.paths["/api/v1/borrowers"] as { get: { parameters: Array<{ name: string; required: boolean }> } }).get;
    expect(list.parameters.map((p) => p.name)).toEqual(
      ["tier", "minScore", "maxScore", "changed", "minUtil", "maxUtil", "q", "sort", "order", "month", "cursor", "page", "pageSize", "format"],
    );
    expect(list.parameters.every((p) => !p.required)).toBe(true);
    const one = (doc.paths["/api/v1/borrowers/{id}"] as { get: { parameters: Array<{ name: string; in: string; required: boolean }> } }).get;
    expect(one.parameters).toEqual([expect.objectContaining({ name: "id", in: "path", required: true })]);
  });

  it("marks writes: every non-GET except the read-only preview", () => {
    const doc = openApiDocument();
    const writes = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.entries(ops as Record<string, { "x-writes": boolean }>).filter(([, o]) => o["x-writes"]).map(([m]) => `${m} ${p}`),
    );
    expect(writes).toContain("post /api/v1/policies/{id}/run");
    expect(writes).not.toContain("post /api/v1/policies/preview");
    expect(writes.every((w) => !w.startsWith("get "))).toBe(true);
  });
});
