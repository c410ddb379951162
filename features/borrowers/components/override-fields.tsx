"use client";

import { useQuery } from "@tanstack/react-query";
import { useDeferredValue } from "react";
import { cn } from "@/components/cn";
import { controlClass, Field, Select } from "@/components/field";
import { fetchJson } from "@/lib/http-client";
import { OVERRIDE_REASONS } from "@/features/overrides/rules";

export type OverrideCheck = {
  rules: Array<{ code: string; message: string }>;
  override: boolean;
  aboveCeiling: string | null;
  requiredApprovals: number;
  needsAdmin: boolean;
};
export type OverrideInput = { reason: string; text: string };

/** The server's verdict on the limit being typed: rules it breaks, the ceiling, the approvals needed. */
export function useOverrideCheck(borrowerId: number, newLimit: number | null) {
  const limit = useDeferredValue(newLimit);
  return useQuery({
    queryKey: ["override-check", borrowerId, limit],
    queryFn: ({ signal }) => fetchJson<OverrideCheck>(`/api/v1/adjustments/override-check?borrowerId=${borrowerId}&newLimit=${limit}`, signal),
    enabled: limit != null && limit >= 1000 && limit <= 100_000_000,
    staleTime: 30_000,
  });
}

/** Warnings and the override reason fields, shown only when the proposal is an override. */
export function OverrideFields({ check, value, onChange, errors }: { check: OverrideCheck | undefined; value: OverrideInput; onChange: (v: OverrideInput) => void; errors: Record<string, string> }) {
  if (!check) return null;
  if (check.aboveCeiling) {
    return (
      <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-900">
        Refused: the new limit {check.aboveCeiling}.
      </p>
    );
  }
  if (!check.override) return null;
  return (
    <fieldset className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3" aria-labelledby="override-legend">
      <legend id="override-legend" className="px-1 text-sm font-semibold text-amber-950">
        Override of the active policy
      </legend>
      <ul className="list-disc pl-5 text-sm text-amber-950" aria-label="Rules this proposal breaks">
        {check.rules.map((r) => (
          <li key={r.code}>
            <span className="font-mono text-xs">{r.code}</span>: {r.message}
          </li>
        ))}
      </ul>
      <p className="text-sm text-amber-950">
        Needs {check.requiredApprovals} approvals{check.needsAdmin ? ", one of them by an ADMIN" : ""}.
      </p>
      <Field id="propose-override-reason" label="Override reason">
        <Select id="propose-override-reason" value={value.reason} onChange={(e) => onChange({ ...value, reason: e.target.value })} aria-invalid={errors["override.reason"] ? true : undefined}>
          <option value="">Choose a reason…</option>
          {[...OVERRIDE_REASONS].map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      {errors["override.reason"] ? <p className="text-xs font-medium text-red-700">{errors["override.reason"]}</p> : null}
      <div>
        <label htmlFor="propose-override-text" className="mb-1 block text-xs font-medium text-slate-700">
          Why the policy should not apply (10–500 characters)
        </label>
        <textarea
          id="propose-override-text"
          rows={2}
          maxLength={500}
          value={value.text}
          onChange={(e) => onChange({ ...value, text: e.target.value })}
          aria-invalid={errors["override.text"] ? true : undefined}
          className={cn(controlClass, errors["override.text"] && "border-red-700")}
        />
        {errors["override.text"] ? <p className="text-xs font-medium text-red-700">{errors["override.text"]}</p> : null}
      </div>
    </fieldset>
  );
}
