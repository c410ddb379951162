"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Field, Select } from "@/components/field";
import { RowTh, Table, TableShell, Td, Th } from "@/components/table";
import { errorMessage, fetchJson } from "@/lib/http-client";
import { diffConfigs, type FieldDiff } from "@/features/policy/diff";
import type { PolicyConfig } from "@/features/policy/schema";
import { ownValue } from "@/lib/closed-list";
import { FIELD_LABEL } from "./policy-fields";
import { formatValue } from "./policy-display";
import { useEditorEdits, type EditorEdits } from "./editor-edits";

type Option = { id: string; version: number; name: string; status: string };
type Side = { id: string; version: number };
type DiffResult = { from: Side; to: Side; changes: FieldDiff[] };

/** The select value of the editor's unsaved settings. */
const EDITS = "unsaved";
const sideLabel = (s: Side) => (s.id === EDITS ? `v${s.version} (unsaved edits)` : `v${s.version}`);

/**
 * Two versions side by side, field by field (only the fields that differ). While the editor holds
 * unsaved settings they are a choice of their own, and the default "to" side (issue 11 §4: the
 * comparison said "identical settings" while the editor held changes); that diff is computed here
 * from the other version's saved settings, with the same diffConfigs the API uses.
 */
export function PolicyDiff({ options, defaultFrom, defaultTo }: { options: Option[]; defaultFrom: string | null; defaultTo: string | null }) {
  const id = useId();
  const edits = useEditorEdits();
  // null: the user has not chosen; the default follows the editor (unsaved edits when there are any).
  const [fromChoice, setFrom] = useState<string | null>(null);
  const [toChoice, setTo] = useState<string | null>(null);
  const resolve = (choice: string | null, fallback: string) => (choice === EDITS && !edits ? fallback : (choice ?? fallback));
  const from = resolve(fromChoice, defaultFrom ?? "");
  const to = resolve(toChoice, edits ? EDITS : (defaultTo ?? ""));
  const query = useDiff(from, to, edits);
  const choices = [...(edits ? [{ value: EDITS, label: `v${edits.version} · unsaved edits in the editor` }] : []), ...options.map((o) => ({ value: o.id, label: `v${o.version} · ${o.name} (${o.status.toLowerCase()})` }))];
  const picker = (side: "from" | "to", value: string, set: (v: string) => void) => (
    <Field id={`${id}-${side}`} label={side === "from" ? "From version" : "To version"}>
      <Select id={`${id}-${side}`} value={value} onChange={(e) => set(e.target.value)}>
        <option value="">Choose a version</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </Select>
    </Field>
  );

  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        {picker("from", from, setFrom)}
        {picker("to", to, setTo)}
      </div>
      <div aria-live="polite" aria-busy={query.isFetching}>
        {!from || !to ? (
          <p className="text-sm text-slate-600">Choose two versions to compare.</p>
        ) : from === to ? (
          <p className="text-sm text-slate-600">Both sides are the same version.</p>
        ) : query.isError ? (
          <p role="alert" className="text-sm text-red-800">
            Could not compare: {errorMessage(query.error)}
          </p>
        ) : !query.data ? (
          <p className="text-sm text-slate-600">Comparing…</p>
        ) : query.data.changes.length === 0 ? (
          <p className="text-sm text-slate-600">
            {sideLabel(query.data.from)} and {sideLabel(query.data.to)} have identical settings.
          </p>
        ) : (
          <DiffTable diff={query.data} />
        )}
      </div>
    </div>
  );
}

/** Saved against saved: the API's diff. With the unsaved edits on a side: that side's config here. */
function useDiff(from: string, to: string, edits: EditorEdits | null) {
  const withEdits = Boolean(edits && (from === EDITS) !== (to === EDITS));
  const savedId = from === EDITS ? to : from;
  const saved = useQuery({
    queryKey: ["policy-diff", "config", savedId],
    queryFn: ({ signal }) => fetchJson<{ id: string; version: number; config: PolicyConfig }>(`/api/v1/policies/${encodeURIComponent(savedId)}`, signal),
    enabled: withEdits && Boolean(savedId),
  });
  const server = useQuery({
    queryKey: ["policy-diff", from, to],
    queryFn: ({ signal }) => fetchJson<DiffResult>(`/api/v1/policies/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, signal),
    enabled: !withEdits && Boolean(from && to) && from !== to && from !== EDITS && to !== EDITS,
    placeholderData: keepPreviousData,
  });
  if (!withEdits || !edits) return server;
  const data: DiffResult | undefined = saved.data && (() => {
    const mine = { id: EDITS, version: edits.version };
    const other = { id: saved.data.id, version: saved.data.version };
    return from === EDITS
      ? { from: mine, to: other, changes: diffConfigs(edits.config, saved.data.config) }
      : { from: other, to: mine, changes: diffConfigs(saved.data.config, edits.config) };
  })();
  return { data, isError: saved.isError, error: saved.error, isFetching: saved.isFetching };
}

function DiffTable({ diff }: { diff: DiffResult }) {
  return (
    <TableShell label="Differences between the versions">
      <Table>
        <caption className="sr-only">
          Settings that differ between {sideLabel(diff.from)} and {sideLabel(diff.to)}
        </caption>
        <thead>
          <tr>
            <Th>Field</Th>
            <Th numeric>{sideLabel(diff.from)}</Th>
            <Th numeric>{sideLabel(diff.to)}</Th>
          </tr>
        </thead>
        <tbody>
          {diff.changes.map((c) => (
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
  );
}
