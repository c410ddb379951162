// The editable fields of a policy config: labels, ranges and how a form's text values become the
// config object that policyConfigSchema checks (client side) and the API receives.
import { isOwnKey } from "@/lib/closed-list";
import { policyConfigSchema, type PolicyConfig } from "@/features/policy/schema";

export type FieldPath =
  | "cutoffs.low"
  | "cutoffs.medium"
  | "actions.LOW.changePct"
  | "actions.MEDIUM.changePct"
  | "actions.HIGH.changePct"
  | "maxLimit"
  | "minLimit"
  | "noIncreaseIfDelayedWithinMonths"
  | "lgd"
  | "ccf"
  | "noticeDays";

export type FieldDef = {
  path: FieldPath;
  label: string;
  /** Unit shown after the input. */
  unit?: string;
  hint?: string;
  /** Input bounds and step (the schema's where it has them). */
  min: number;
  max?: number;
  step: number;
  /** Slider range and step; a coarser step than the input where the input allows hundredths. */
  slider: { min: number; max: number; step: number };
  /** Screen-reader value text of the slider. */
  valueText?: (v: number) => string;
};

export type FieldGroup = { legend: string; fields: FieldDef[] };

const pct = (v: number) => `${v}%`;

export const FIELD_GROUPS: FieldGroup[] = [
  {
    legend: "Score cut-offs",
    fields: [
      { path: "cutoffs.low", label: "Low-risk cut-off", hint: "Scores at or above are low risk", min: 350, max: 950, step: 1, slider: { min: 350, max: 950, step: 1 } },
      { path: "cutoffs.medium", label: "Medium-risk cut-off", hint: "Scores at or above (and below the low cut-off) are medium risk", min: 350, max: 950, step: 1, slider: { min: 350, max: 950, step: 1 } },
    ],
  },
  {
    legend: "Limit change per tier",
    fields: [
      { path: "actions.LOW.changePct", label: "Low risk: limit change", unit: "%", min: -100, max: 200, step: 0.01, slider: { min: -100, max: 200, step: 1 }, valueText: pct },
      { path: "actions.MEDIUM.changePct", label: "Medium risk: limit change", unit: "%", min: -100, max: 200, step: 0.01, slider: { min: -100, max: 200, step: 1 }, valueText: pct },
      { path: "actions.HIGH.changePct", label: "High risk: limit change", unit: "%", min: -100, max: 200, step: 0.01, slider: { min: -100, max: 200, step: 1 }, valueText: pct },
    ],
  },
  {
    legend: "Limit bounds",
    fields: [
      { path: "maxLimit", label: "Maximum limit", unit: "NT$", hint: "Increases stop here", min: 1, step: 1000, slider: { min: 10_000, max: 2_000_000, step: 10_000 }, valueText: (v) => `NT$${v.toLocaleString("en-US")}` },
      { path: "minLimit", label: "Minimum limit", unit: "NT$", hint: "Cuts stop here (and at the balance)", min: 1, step: 1000, slider: { min: 1_000, max: 200_000, step: 1_000 }, valueText: (v) => `NT$${v.toLocaleString("en-US")}` },
      { path: "noIncreaseIfDelayedWithinMonths", label: "No increase after a delay within", unit: "months", min: 0, max: 6, step: 1, slider: { min: 0, max: 6, step: 1 }, valueText: (v) => `${v} months` },
    ],
  },
  {
    legend: "Loss parameters and notice",
    fields: [
      { path: "lgd", label: "Loss given default (LGD)", hint: "Share of exposure lost, 0–1", min: 0, max: 1, step: 0.01, slider: { min: 0, max: 1, step: 0.01 } },
      { path: "ccf", label: "Credit conversion factor (CCF)", hint: "Share of the unused limit drawn by default, 0–1", min: 0, max: 1, step: 0.01, slider: { min: 0, max: 1, step: 0.01 } },
      { path: "noticeDays", label: "Notice before a cut", unit: "days", min: 0, max: 365, step: 1, slider: { min: 0, max: 365, step: 1 }, valueText: (v) => `${v} days` },
    ],
  },
];

export const FIELDS: FieldDef[] = FIELD_GROUPS.flatMap((g) => g.fields);
export const FIELD_LABEL: Record<string, string> = Object.fromEntries(FIELDS.map((f) => [f.path, f.label]));

/** The form's text per field (what the inputs show; may be empty or out of range while typing). */
export type FormValues = Record<FieldPath, string>;

export function formValuesOf(config: PolicyConfig): FormValues {
  const values = {} as FormValues;
  for (const f of FIELDS) values[f.path] = String(getPath(config, f.path));
  return values;
}

function getPath(obj: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), obj);
}

/** Parses one field's text: a finite number, or undefined when empty / not a number. */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : undefined;
}

/** The config object in a fixed key order (a stable query key), numbers where the text parses. */
export function configOf(values: FormValues): unknown {
  const n = (p: FieldPath) => parseNumber(values[p]);
  return {
    cutoffs: { low: n("cutoffs.low"), medium: n("cutoffs.medium") },
    actions: {
      LOW: { changePct: n("actions.LOW.changePct") },
      MEDIUM: { changePct: n("actions.MEDIUM.changePct") },
      HIGH: { changePct: n("actions.HIGH.changePct") },
    },
    maxLimit: n("maxLimit"),
    minLimit: n("minLimit"),
    noIncreaseIfDelayedWithinMonths: n("noIncreaseIfDelayedWithinMonths"),
    lgd: n("lgd"),
    ccf: n("ccf"),
    noticeDays: n("noticeDays"),
  };
}

export type FieldErrors = Partial<Record<FieldPath, string>>;

/** Zod's wording made readable: field paths in messages become the labels people see. */
export function humanMessage(message: string): string {
  const text = message
    .replace("must be greater than cutoffs.medium", "must be greater than the medium-risk cut-off")
    .replace("must not exceed maxLimit", "must not exceed the maximum limit")
    .replace(/^Invalid input: expected number, received (undefined|NaN)$/, "Enter a number")
    .replace(/^Too small: expected number to be >=\s*(-?[\d.]+)$/, "Must be at least $1")
    .replace(/^Too small: expected number to be >\s*(-?[\d.]+)$/, "Must be greater than $1")
    .replace(/^Too big: expected number to be <=\s*(-?[\d.]+)$/, "Must be at most $1")
    .replace(/^Too big: expected number to be <\s*(-?[\d.]+)$/, "Must be less than $1")
    .replace(/^Invalid input: expected int, received number$/, "Must be a whole number")
    .replace(/^Invalid number: must be a multiple of 0\.01$/, "Use at most two decimals");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Client-side check with the same schema as the server: the config or the errors per field. */
export function validate(values: FormValues): { config: PolicyConfig; errors: FieldErrors } | { config: null; errors: FieldErrors } {
  const result = policyConfigSchema.safeParse(configOf(values));
  if (result.success) return { config: result.data, errors: {} };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join(".") as FieldPath;
    if (isOwnKey(FIELD_LABEL, path) && !errors[path]) errors[path] = humanMessage(issue.message);
  }
  return { config: null, errors };
}

/**
 * Server issues (`body.config.lgd`, `body.policy.cutoffs.low`) onto the form's fields; the rest
 * (unknown paths, e.g. `body.name`) are returned for a general message.
 */
export function mapServerIssues(issues: Array<{ field: string; message: string }>): { fields: FieldErrors; other: Array<{ field: string; message: string }> } {
  const fields: FieldErrors = {};
  const other: Array<{ field: string; message: string }> = [];
  for (const issue of issues) {
    const path = issue.field.replace(/^body\.(config|policy)\./, "") as FieldPath;
    if (isOwnKey(FIELD_LABEL, path)) fields[path] ??= humanMessage(issue.message);
    else other.push(issue);
  }
  return { fields, other };
}
