"use client";

import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/button";
import { cn } from "@/components/cn";
import { controlClass, Field, Input } from "@/components/field";
import { ApiRequestError, errorMessage, fetchJson, fieldErrors } from "@/lib/http-client";
import { adjustmentsApi } from "@/features/adjustments/client";
import { Delta } from "@/components/display";
import type { AdjustmentView, ReasonCodeOption } from "@/features/adjustments/types";
import { formatInt, formatNtd } from "@/lib/format";
import { OverrideFields, useOverrideCheck, type OverrideInput } from "./override-fields";

const REASON_MIN = 10;
const REASON_MAX = 500;
const MAX_CODES = 4;

type Props = {
  borrowerId: number;
  currentLimit: number;
  onProposed: (adjustment: AdjustmentView) => void;
};

/** Manual proposal: new limit in thousands, a written reason (10–500) and reason codes from the closed list. */
export function ProposeLimitForm({ borrowerId, currentLimit, onProposed }: Props) {
  const codes = useQuery({
    queryKey: ["reason-codes"],
    queryFn: ({ signal }) => fetchJson<{ items: ReasonCodeOption[] }>("/api/v1/adjustments/reason-codes", signal),
    staleTime: Infinity,
  });
  const [thousands, setThousands] = useState("");
  const [reason, setReason] = useState("");
  const [picked, setPicked] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [override, setOverride] = useState<OverrideInput>({ reason: "", text: "" });

  const k = Number(thousands);
  const newLimit = thousands.trim() !== "" && Number.isInteger(k) ? k * 1000 : null;
  const reasonLength = reason.trim().length;
  const check = useOverrideCheck(borrowerId, newLimit != null && newLimit !== currentLimit ? newLimit : null);
  const isOverride = check.data?.override === true && !check.data.aboveCeiling;

  function validate(): Record<string, string> {
    const out: Record<string, string> = {};
    if (newLimit == null || k < 1) out.newLimit = "Enter the new limit as a whole number of thousands, e.g. 140 for NT$140,000.";
    else if (k > 100_000) out.newLimit = "The new limit can be at most NT$100,000,000.";
    else if (newLimit === currentLimit) out.newLimit = "The new limit equals the current limit.";
    if (reasonLength < REASON_MIN) out.reason = `Write at least ${REASON_MIN} characters.`;
    else if (reasonLength > REASON_MAX) out.reason = `Keep it to ${REASON_MAX} characters.`;
    if (isOverride && !override.reason) out["override.reason"] = "Choose the reason for this override.";
    if (isOverride && override.text.trim().length < 10) out["override.text"] = "Explain the override in at least 10 characters.";
    return out;
  }

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length || newLimit == null) {
      document.getElementById(`propose-${(Object.keys(found)[0] ?? "newLimit").replace(".", "-")}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const created = await adjustmentsApi.propose({ borrowerId, newLimit, reason: reason.trim(), ...(picked.length ? { reasonCodes: picked } : {}), ...(isOverride ? { override: { reason: override.reason, text: override.text.trim() } } : {}) });
      setThousands("");
      setOverride({ reason: "", text: "" });
      setReason("");
      setPicked([]);
      onProposed(created);
    } catch (err) {
      const issues = fieldErrors(err);
      setErrors(issues);
      const pendingId = err instanceof ApiRequestError ? err.body.pendingAdjustmentId : undefined;
      setFormError(Object.keys(issues).length && !(err instanceof ApiRequestError && err.status === 409) ? "Check the highlighted fields." : `${errorMessage(err)}${pendingId ? " Decide or wait for that one first." : ""}`);
    } finally {
      setBusy(false);
    }
  }

  const describe = (id: string, ...more: string[]) => [errors[id] ? `propose-${id}-error` : null, ...more].filter(Boolean).join(" ") || undefined;
  return (
    <form noValidate onSubmit={handleSubmit} aria-label="Propose limit change" className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <Field id="propose-newLimit" label="New limit (NT$ thousands)" className="w-48">
          <Input
            id="propose-newLimit"
            name="newLimit"
            type="number"
            inputMode="numeric"
            min={1}
            max={100000}
            step={1}
            value={thousands}
            onChange={(e) => setThousands(e.target.value)}
            aria-invalid={errors.newLimit ? true : undefined}
            aria-describedby={describe("newLimit", "propose-newLimit-hint")}
            className={errors.newLimit ? "border-red-700" : undefined}
          />
        </Field>
        <p id="propose-newLimit-hint" className="pb-1.5 text-sm text-slate-700 tabular-nums">
          Current {formatNtd(currentLimit)}
          {newLimit != null && newLimit > 0 && newLimit !== currentLimit ? (
            <>
              {" "}
              → {formatNtd(newLimit)} <Delta delta={newLimit - currentLimit} className="text-xs" />
            </>
          ) : null}
        </p>
      </div>
      {errors.newLimit ? <FieldError id="propose-newLimit-error" text={errors.newLimit} /> : null}

      <div>
        <label htmlFor="propose-reason" className="mb-1 block text-xs font-medium text-slate-700">
          Reason (shown to the approver)
        </label>
        <textarea
          id="propose-reason"
          name="reason"
          rows={3}
          maxLength={REASON_MAX}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={describe("reason", "propose-reason-count")}
          className={cn(controlClass, errors.reason && "border-red-700")}
        />
        <p id="propose-reason-count" className={cn("mt-0.5 text-right text-xs tabular-nums", reasonLength > 0 && reasonLength < REASON_MIN ? "text-amber-900" : "text-slate-600")}>
          {formatInt(reasonLength)} / {REASON_MAX} characters{reasonLength < REASON_MIN ? ` (at least ${REASON_MIN})` : ""}
        </p>
        {errors.reason ? <FieldError id="propose-reason-error" text={errors.reason} /> : null}
      </div>

      <OverrideFields check={check.data} value={override} onChange={setOverride} errors={errors} />

      <fieldset aria-describedby={errors.reasonCodes ? "propose-reasonCodes-error" : undefined}>
        <legend className="mb-1 text-xs font-medium text-slate-700">Reason codes (up to {MAX_CODES}, optional)</legend>
        {codes.isPending ? (
          <p className="text-xs text-slate-600">Loading reason codes…</p>
        ) : codes.error ? (
          <p className="text-xs text-red-800">Could not load the reason codes: {errorMessage(codes.error)}</p>
        ) : (
          <div className="grid gap-x-4 gap-y-1 sm:grid-cols-2">
            {codes.data.items.map((c) => {
              const checked = picked.includes(c.code);
              return (
                <label key={c.code} className="flex items-start gap-2 text-sm text-slate-800">
                  <input
                    type="checkbox"
                    name="reasonCodes"
                    value={c.code}
                    className="mt-0.5 size-4 accent-blue-700"
                    checked={checked}
                    disabled={!checked && picked.length >= MAX_CODES}
                    onChange={(e) => setPicked(e.target.checked ? [...picked, c.code] : picked.filter((x) => x !== c.code))}
                  />
                  <span>{c.text}</span>
                </label>
              );
            })}
          </div>
        )}
        {errors.reasonCodes ? <FieldError id="propose-reasonCodes-error" text={errors.reasonCodes} /> : null}
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? "Proposing…" : "Propose limit change"}
        </Button>
        <div aria-live="polite" className="text-sm">
          {formError ? <p className="font-medium text-red-800">{formError}</p> : null}
        </div>
      </div>
    </form>
  );
}

function FieldError({ id, text }: { id: string; text: string }) {
  return (
    <p id={id} className="mt-1 text-xs font-medium text-red-700">
      {text}
    </p>
  );
}
