import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

describe("OpenAPI document", () => {
  it("documents every borrower-list query parameter from the zod schema", () => {
    const doc = openApiDocument();
    const list = (doc.paths["/api/v1/borrowers"] as { get: { parameters: Array<{ name: string; required: boolean }> } }).get;
    expect(list.parameters.map((p) => p.name)).toEqual(
      ["tier", "minScore", "maxScore", "changed", "minUtil", "maxUtil", "q", "sort", "order", "page", "pageSize", "format"],
    );
    expect(list.parameters.every((p) => !p.required)).toBe(true);
    const one = (doc.paths["/api/v1/borrowers/{id}"] as { get: { parameters: Array<{ name: string; in: string; required: boolean }> } }).get;
    expect(one.parameters).toEqual([expect.objectContaining({ name: "id", in: "path", required: true })]);
  });
});
