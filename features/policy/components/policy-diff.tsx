"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Field, Select } from "@/components/field";
import { RowTh, Table, TableShell, Td, Th } from "@/components/table";
import { errorMessage, fetchJson } from "@/lib/http-client";
import { ownValue } from "@/lib/closed-list";
import { FIELD_LABEL } from "./policy-fields";
import { formatValue } from "./policy-display";

type Option = { id: string; version: number; name: string; status: string };
type DiffResult = { from: { id: string; version: number }; to: { id: string; version: number }; changes: Array<{ field: string; from: unknown; to: unknown }> };

/** Two versions side by side, field by field (only the fields that differ). */
export function PolicyDiff({ options, defaultFrom, defaultTo }: { options: Option[]; defaultFrom: string | null; defaultTo: string | null }) {
  const id = useId();
  const [from, setFrom] = useState(defaultFrom ?? "");
  const [to, setTo] = useState(defaultTo ?? "");
  const enabled = Boolean(from && to);
  const query = useQuery({
    queryKey: ["policy-diff", from, to],
    queryFn: ({ signal }) => fetchJson<DiffResult>(`/api/v1/policies/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
  const label = (o: Option) => `v${o.version} · ${o.name} (${o.status.toLowerCase()})`;

  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={`${id}-from`} label="From version">
          <Select id={`${id}-from`} value={from} onChange={(e) => setFrom(e.target.value)}>
            <option value="">Choose a version</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {label(o)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={`${id}-to`} label="To version">
          <Select id={`${id}-to`} value={to} onChange={(e) => setTo(e.target.value)}>
            <option value="">Choose a version</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {label(o)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div aria-live="polite" aria-busy={query.isFetching}>
        {!enabled ? (
          <p className="text-sm text-slate-600">Choose two versions to compare.</p>
        ) : query.isError ? (
          <p role="alert" className="text-sm text-red-800">
            Could not compare: {errorMessage(query.error)}
          </p>
        ) : !query.data ? (
          <p className="text-sm text-slate-600">Comparing…</p>
        ) : from === to ? (
          <p className="text-sm text-slate-600">Both sides are the same version.</p>
        ) : query.data.changes.length === 0 ? (
          <p className="text-sm text-slate-600">
            v{query.data.from.version} and v{query.data.to.version} have identical settings.
          </p>
        ) : (
          <TableShell label="Differences between the versions">
            <Table>
              <caption className="sr-only">
                Settings that differ between v{query.data.from.version} and v{query.data.to.version}
              </caption>
              <thead>
                <tr>
                  <Th>Field</Th>
                  <Th numeric>v{query.data.from.version}</Th>
                  <Th numeric>v{query.data.to.version}</Th>
                </tr>
              </thead>
              <tbody>
                {query.data.changes.map((c) => (
                  <tr key={c.field}>
                    <RowTh>
                      {ownValue(FIELD_LABEL, c.field) ?? c.field}
                      <span className="block font-mono text-xs font-normal text-slate-600">{c.field}</span>
                    </RowTh>
                    <Td numeric>{formatValue(c.from)}</Td>
                    <Td numeric className="font-semibold">
                      {formatValue(c.to)}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </TableShell>
        )}
      </div>
    </div>
  );
}
