"use client";

import type { FormEvent } from "react";
import { Button } from "@/components/button";
import { Field, Input, Select } from "@/components/field";
import { TIER_LABEL, TIER_ORDER } from "@/features/policy/tier-display";
import { FILTER_KEYS, percentInputToRatio, ratioToPercentInput, type FilterKey } from "../list-params";

type Props = {
  /** Current URL params; the form starts from them (the parent remounts it when they change). */
  params: Pick<URLSearchParams, "get">;
  onApply: (filters: Record<FilterKey, string>) => void;
};

/** Filter form: applied on submit (Enter or the button), so typing a range never fires half-done queries. */
export function BorrowerFilters({ params, onApply }: Props) {
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (key: string) => String(form.get(key) ?? "").trim();
    const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, value(k)])) as Record<FilterKey, string>;
    filters.minUtil = percentInputToRatio(filters.minUtil);
    filters.maxUtil = percentInputToRatio(filters.maxUtil);
    onApply(filters);
  }

  function handleClear() {
    onApply(Object.fromEntries(FILTER_KEYS.map((k) => [k, ""])) as Record<FilterKey, string>);
  }

  return (
    <form role="search" aria-label="Filter borrowers" onSubmit={handleSubmit} className="rounded-lg border border-slate-200 bg-white p-3 shadow-xs">
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-9">
        <Field id="f-q" label="Borrower ID">
          <Input id="f-q" name="q" inputMode="numeric" pattern="[0-9]*" autoComplete="off" defaultValue={params.get("q") ?? ""} placeholder="e.g. 1042" />
        </Field>
        <Field id="f-tier" label="Tier">
          <Select id="f-tier" name="tier" defaultValue={params.get("tier") ?? ""}>
            <option value="">Any tier</option>
            {TIER_ORDER.map((t) => (
              <option key={t} value={t}>
                {TIER_LABEL[t]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="f-min-score" label="Min score">
          <Input id="f-min-score" name="minScore" type="number" min={350} max={950} step={1} defaultValue={params.get("minScore") ?? ""} />
        </Field>
        <Field id="f-max-score" label="Max score">
          <Input id="f-max-score" name="maxScore" type="number" min={350} max={950} step={1} defaultValue={params.get("maxScore") ?? ""} />
        </Field>
        <Field id="f-changed" label="Tier change">
          <Select id="f-changed" name="changed" defaultValue={params.get("changed") ?? ""}>
            <option value="">Any</option>
            <option value="up">Moved riskier</option>
            <option value="down">Moved safer</option>
          </Select>
        </Field>
        <Field id="f-min-util" label="Min utilisation (%)">
          <Input id="f-min-util" name="minUtil" type="number" min={0} step="any" defaultValue={ratioToPercentInput(params.get("minUtil"))} />
        </Field>
        <Field id="f-max-util" label="Max utilisation (%)">
          <Input id="f-max-util" name="maxUtil" type="number" min={0} step="any" defaultValue={ratioToPercentInput(params.get("maxUtil"))} />
        </Field>
        <Field id="f-month" label="Scores of month">
          {/* Empty = now (the current state); a month lists that month's scores from the history. */}
          <Input id="f-month" name="month" type="month" defaultValue={params.get("month") ?? ""} />
        </Field>
        <div className="flex items-end gap-2">
          <Button type="submit" variant="primary">
            Apply
          </Button>
          <Button type="button" variant="ghost" onClick={handleClear}>
            Clear
          </Button>
        </div>
      </div>
    </form>
  );
}
