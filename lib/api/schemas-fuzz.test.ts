// Issue 9 §7, fast half: every route's body schema, fed the same generated invalid values as the
// HTTP fuzz test (e2e/security.spec.ts), refuses them without throwing (a throwing refinement was
// a 500: `null` sent to the bulk route).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { invalidValue, type JsonSchema } from "../../e2e/fuzz-inputs";
import { openApiDocument, operations } from "./openapi";

type Doc = { paths: Record<string, Record<string, { requestBody?: { content: { "application/json": { schema: JsonSchema } } } }>> };

describe("route body schemas under generated invalid input", () => {
  const doc = openApiDocument() as unknown as Doc;
  for (const op of operations().filter((o) => o.body)) {
    it(`${op.method.toUpperCase()} ${op.path}`, () => {
      const json = doc.paths[op.path][op.method].requestBody!.content["application/json"].schema;
      fc.assert(
        fc.property(fc.oneof(invalidValue(json), fc.constantFrom<unknown>(null, undefined, [], "text", 1e308)), (value) => {
          const result = op.body!.safeParse(value);
          expect(result.success).toBe(false);
        }),
        { numRuns: 300, seed: 20261201 },
      );
    });
  }
});
