"use client";

import type { FormEvent } from "react";
import { Button } from "@/components/button";
import { Field, Input, Select } from "@/components/field";
import { INBOX_FILTER_KEYS, type InboxFilterKey } from "./inbox-params";

type Props = {
  params: Pick<URLSearchParams, "get">;
  onApply: (filters: Record<InboxFilterKey, string>) => void;
};

/** Inbox filters, applied on submit so a half-typed amount never fires a query. */
export function InboxFilters({ params, onApply }: Props) {
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    onApply(Object.fromEntries(INBOX_FILTER_KEYS.map((k) => [k, String(form.get(k) ?? "").trim()])) as Record<InboxFilterKey, string>);
  }
  function handleClear() {
    onApply(Object.fromEntries(INBOX_FILTER_KEYS.map((k) => [k, ""])) as Record<InboxFilterKey, string>);
  }
  return (
    <form role="search" aria-label="Filter adjustments" onSubmit={handleSubmit} className="rounded-lg border border-slate-200 bg-white p-3 shadow-xs">
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4 xl:grid-cols-9">
        <Field id="adj-status" label="Status">
          <Select id="adj-status" name="status" defaultValue={params.get("status") ?? ""}>
            <option value="">Pending</option>
            <option value="APPROVED">Approved</option>
            <option value="REJECTED">Rejected</option>
          </Select>
        </Field>
        <Field id="adj-direction" label="Direction">
          <Select id="adj-direction" name="direction" defaultValue={params.get("direction") ?? ""}>
            <option value="">Both</option>
            <option value="increase">Increases</option>
            <option value="decrease">Decreases</option>
          </Select>
        </Field>
        <Field id="adj-tier-change" label="Tier change">
          <Select id="adj-tier-change" name="tierChange" defaultValue={params.get("tierChange") ?? ""}>
            <option value="">Any</option>
            <option value="up">Moved riskier</option>
            <option value="down">Moved safer</option>
            <option value="same">Same tier</option>
          </Select>
        </Field>
        <Field id="adj-min" label="Min change (NT$)">
          <Input id="adj-min" name="minAmount" type="number" min={0} step={1} defaultValue={params.get("minAmount") ?? ""} />
        </Field>
        <Field id="adj-max" label="Max change (NT$)">
          <Input id="adj-max" name="maxAmount" type="number" min={0} step={1} defaultValue={params.get("maxAmount") ?? ""} />
        </Field>
        <Field id="adj-run" label="Policy run ID">
          <Input id="adj-run" name="policyRunId" autoComplete="off" defaultValue={params.get("policyRunId") ?? ""} />
        </Field>
        <Field id="adj-proposer" label="Proposer email">
          <Input id="adj-proposer" name="proposer" type="email" autoComplete="off" defaultValue={params.get("proposer") ?? ""} placeholder="analyst@…" />
        </Field>
        <Field id="adj-borrower" label="Borrower ID">
          <Input id="adj-borrower" name="borrowerId" type="number" inputMode="numeric" min={1} step={1} autoComplete="off" defaultValue={params.get("borrowerId") ?? ""} />
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
