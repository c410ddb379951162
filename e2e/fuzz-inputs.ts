// Invalid-input arbitraries derived from the API's own OpenAPI document (whose JSON Schemas are
// generated from the route schemas). Every generated request carries at least one value its
// route must refuse — so the only acceptable answers are 4xx, and nothing may change.
import fc from "fast-check";

export type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  format?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  maxLength?: number;
  minLength?: number;
  minItems?: number;
  maxItems?: number;
  multipleOf?: number;
};
export type Parameter = { name: string; in: "path" | "query" | "header"; schema: JsonSchema };
export type Operation = { parameters?: Parameter[]; requestBody?: { content: { "application/json": { schema: JsonSchema } } }; "x-writes"?: boolean };
export type FuzzCase = { path: string; body?: string; note: string };

const PROTO_NAMES = ["__proto__", "toString", "valueOf", "hasOwnProperty", "constructor"];
const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** encodeURIComponent that also writes lone surrogates (as the invalid UTF-8 a raw client could send). */
export function encodeAny(s: string): string {
  return s
    .split(LONE)
    .map((part) => encodeURIComponent(part))
    .join("%ED%A0%80");
}

/** A plausible value of the schema (not necessarily valid: only the corruption matters). */
export function baseValue(s: JsonSchema): unknown {
  if (s.anyOf) return baseValue(s.anyOf[0]);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  switch (s.type) {
    case "object":
      return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, baseValue(v)]));
    case "array":
      return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => baseValue(s.items ?? {}));
    case "integer": {
      const step = s.multipleOf ?? 1;
      const min = s.minimum ?? (s.exclusiveMinimum != null ? s.exclusiveMinimum + 1 : 1);
      return Math.ceil(min / step) * step;
    }
    case "number":
      return s.minimum ?? 0;
    case "boolean":
      return true;
    case "string":
      return s.format === "date-time" ? "2026-01-01T00:00:00Z" : "x".repeat(Math.min(Math.max(s.minLength ?? 0, 12), s.maxLength ?? 12));
    default:
      return null;
  }
}

const notString = fc.constantFrom<unknown>(42, null, true, [], {});
const badText = fc.oneof(
  fc.constantFrom("\u0000", "a\u0000b", "\uD800", "x\uDFFFy", "\uDBFF"),
  fc.string({ maxLength: 20 }).map((s) => `${s}\u0000`),
  fc.string({ maxLength: 20 }).map((s) => `\uD83D${s.replace(/^[\uDC00-\uDFFF]/, "")}`.replace(/\uD83D[\uDC00-\uDFFF]/, "\uD83D")),
);

/** A value the schema must refuse. */
export function invalidValue(s: JsonSchema): fc.Arbitrary<unknown> {
  if (s.anyOf) return fc.oneof(fc.constantFrom<unknown>(null, "x", 7, []), ...s.anyOf.filter((v) => v.type === "object").slice(0, 1).map(invalidObject));
  if (s.enum || s.const !== undefined) {
    const allowed = s.enum ?? [s.const];
    return fc.oneof(fc.constantFrom(...PROTO_NAMES), fc.string({ maxLength: 12 }).filter((x) => !allowed.includes(x)), badText, notString);
  }
  switch (s.type) {
    case "integer":
      return fc.constantFrom<unknown>(2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1e308, 1.5, "12", null, true, [], {});
    case "number":
      return fc.constantFrom<unknown>("1", null, true, [], {}, "NaN");
    case "boolean":
      return fc.constantFrom<unknown>("true", 1, null);
    case "string":
      return fc.oneof(badText, notString, ...(s.maxLength != null ? [fc.constant("y".repeat(s.maxLength + 1))] : []));
    case "array":
      return fc.oneof(
        fc.constantFrom<unknown>("not-an-array", {}, 5, null),
        invalidValue(s.items ?? {}).map((bad) => [...(baseValue(s) as unknown[]), bad]),
        ...(s.maxItems != null && s.maxItems <= 2000 ? [fc.constant(Array.from({ length: s.maxItems + 1 }, () => baseValue(s.items ?? {})))] : []),
      );
    case "object":
      return invalidObject(s);
    default:
      return fc.constant(undefined);
  }
}

function invalidObject(s: JsonSchema): fc.Arbitrary<unknown> {
  const keys = Object.keys(s.properties ?? {});
  const extraKey = fc.constantFrom(...PROTO_NAMES, "junk").map((k) => ({ ...(baseValue(s) as object), ...JSON.parse(`{${JSON.stringify(k)}: 1}`) }));
  const corruptOne = keys.length
    ? fc.constantFrom(...keys).chain((k) => invalidValue(s.properties![k]).map((bad) => ({ ...(baseValue(s) as object), [k]: bad })))
    : extraKey;
  return fc.oneof(fc.constantFrom<unknown>(null, [], "x", 7), extraKey, corruptOne, corruptOne);
}

/** A path segment for an id that does not exist, or one the route must refuse. */
export const pathSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("__proto__", "toString", "2147483648", "99999999999999999999999", "-1", "0", "%00", "%ED%A0%80", "a".repeat(41), "%2e%2e", "%2F", "1e999"),
  fc.string({ minLength: 1, maxLength: 30, unit: "binary" }).map(encodeAny),
  fc.string({ minLength: 1, maxLength: 12 }).map((s) => encodeURIComponent(`${s}\u0000`)),
);

// Query values arrive decoded by URLSearchParams, which turns invalid UTF-8 into U+FFFD (valid
// text): only NUL bytes, out-of-range numbers, non-members of closed lists and overlong text are
// certain to be refused.
const badQueryValue = (s: JsonSchema): fc.Arbitrary<string> => {
  if (s.type === "integer") return fc.constantFrom("2147483648", "-2147483649", "1e400", "9".repeat(30), "NaN", "0x1g", "%00", "1.5");
  if (s.type === "number") return fc.constantFrom("1e400", "NaN", "%00", "abc", "1%002");
  const withNul = fc.string({ minLength: 0, maxLength: 20, unit: "binary" }).map((v) => `${encodeAny(v)}%00`);
  if (s.enum) return fc.oneof(fc.constantFrom(...PROTO_NAMES), withNul);
  return fc.oneof(withNul, ...(s.maxLength != null ? [fc.constant("z".repeat(s.maxLength + 1))] : []));
};

/** Requests for one operation, every one with at least one invalid input. */
export function fuzzCases(path: string, op: Operation): fc.Arbitrary<FuzzCase> | null {
  const params = op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === "path");
  const queryParams = params.filter((p) => p.in === "query");
  const body = op.requestBody?.content["application/json"].schema;
  if (!pathParams.length && !queryParams.length && !body) return null;
  const withPath = fc.tuple(...pathParams.map(() => pathSegment)).map((segs) => {
    let p = path;
    pathParams.forEach((param, i) => (p = p.replace(`{${param.name}}`, segs[i])));
    return p;
  });
  // Ids that exist nowhere: a valid-looking body then reaches the handler, which must answer 404.
  const missingIds = path.replace(/\{[^}]+\}/g, () => `no-such-${Math.random().toString(36).slice(2, 10)}`);
  const query = queryParams.length
    ? fc.uniqueArray(fc.constantFrom(...queryParams), { minLength: 1, maxLength: queryParams.length, selector: (p) => p.name }).chain((ps) =>
        fc.tuple(...ps.map((p) => badQueryValue(p.schema))).map((vals) => ps.map((p, i) => `${encodeURIComponent(p.name)}=${vals[i]}`).join("&")),
      )
    : fc.constant("");
  const rawJunk = fc.constantFrom("not json {", "[]", "null", '"text"', "1e999", '{"a":', "\u0000", "[".repeat(2000));
  const bodyText = body ? fc.oneof(rawJunk, invalidValue(body).map((v) => JSON.stringify(v) ?? "null")) : fc.constant(undefined);
  const validBody = body ? JSON.stringify(baseValue(body)) : undefined;
  const cases: fc.Arbitrary<FuzzCase>[] = [];
  if (pathParams.length) {
    cases.push(withPath.map((p) => ({ path: p, body: validBody, note: "bad path parameter" })));
  }
  if (queryParams.length) {
    cases.push(fc.tuple(pathParams.length ? withPath : fc.constant(path), query).map(([p, q]) => ({ path: `${p}?${q}`, body: validBody, note: "bad query" })));
  }
  if (body) {
    cases.push(bodyText.map((b) => ({ path: missingIds, body: b, note: "bad body" })));
  }
  return fc.oneof(...cases);
}
