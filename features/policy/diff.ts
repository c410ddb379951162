// Field-by-field difference between two policy configs, for the diff view and the audit trail.
export type FieldDiff = { field: string; from: unknown; to: unknown };

function flatten(value: unknown, prefix = ""): Record<string, unknown> {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    return Object.fromEntries(
      Object.entries(value).flatMap(([k, v]) => Object.entries(flatten(v, prefix ? `${prefix}.${k}` : k))),
    );
  }
  return { [prefix]: value };
}

export function diffConfigs(from: unknown, to: unknown): FieldDiff[] {
  const a = flatten(from);
  const b = flatten(to);
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return fields.filter((f) => a[f] !== b[f]).map((field) => ({ field, from: a[field] ?? null, to: b[field] ?? null }));
}
