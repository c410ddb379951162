"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback, type FormEvent } from "react";
import { Button, buttonClasses } from "@/components/button";
import { cn } from "@/components/cn";
import { Field, Input, Select } from "@/components/field";
import { RowTh, Table, TableShell, Td, Th } from "@/components/table";
import { fetchJson } from "@/lib/http-client";
import { readPage, useUrlParams } from "@/lib/use-url-params";
import { formatDateTime, formatInt } from "@/lib/format";
import { listQueryString } from "@/features/borrowers/list-params";
import { ApiErrorNotice } from "@/components/api-error-notice";
import { CursorPager, formatTotal, useCursorStack } from "@/components/pager";
import { AuditDiff } from "./audit-diff";

const FILTER_KEYS = ["actor", "action", "entityType", "entityId", "borrowerId", "from", "to", "logins"] as const;
const KEYS = [...FILTER_KEYS, "page", "pageSize", "cursor"] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
const PAGE_SIZES = [25, 50, 100, 200] as const;
const DEFAULT_PAGE_SIZE = 50;
/** Entity types the app records (a suggestion list: the field accepts any text). */
const ENTITY_TYPES = ["Adjustment", "PolicyRun", "Policy", "LimitChange", "Appeal", "ApiToken", "User", "Setting", "Model", "Import"];

export type AuditEventView = {
  seq: number;
  at: string;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
  hash: string;
};
type AuditPage = { total: number; totalIsEstimate: boolean; page: number; pageSize: number; nextCursor: string | null; items: AuditEventView[] };

/** The audit log: filters in the URL, a page of events, and a CSV of everything matching. */
export function AuditExplorer({ actions }: { actions: readonly string[] }) {
  const { searchParams, update } = useUrlParams(KEYS);
  const query = listQueryString(searchParams, KEYS);
  const filters = listQueryString(searchParams, FILTER_KEYS);
  const { page, pageSize } = readPage(searchParams, DEFAULT_PAGE_SIZE);
  const { data, error, isFetching, isPlaceholderData } = useQuery({
    queryKey: ["audit", query],
    queryFn: ({ signal }) => fetchJson<AuditPage>(`/api/v1/audit${query ? `?${query}` : ""}`, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const items = error ? [] : data?.items;
  const cursor = searchParams.get("cursor") || null;
  const go = useCallback((c: string | null) => update({ cursor: c, page: null }), [update]);
  const pager = useCursorStack(listQueryString(searchParams, [...FILTER_KEYS, "pageSize"]), cursor, go);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    update({ ...Object.fromEntries(FILTER_KEYS.map((k) => [k, String(form.get(k) ?? "").trim()])), page: null, cursor: null });
  }
  const clear = () => update({ ...Object.fromEntries(FILTER_KEYS.map((k) => [k, null])), page: null, cursor: null });
  const value = (k: FilterKey) => searchParams.get(k) ?? "";

  return (
    <div className="space-y-3">
      <form key={filters} role="search" aria-label="Filter audit events" onSubmit={handleSubmit} className="rounded-lg border border-slate-200 bg-white p-3 shadow-xs">
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-4 xl:grid-cols-9">
          <Field id="audit-actor" label="Actor email">
            <Input id="audit-actor" name="actor" type="text" autoComplete="off" defaultValue={value("actor")} placeholder="manager@…" />
          </Field>
          <Field id="audit-action" label="Action">
            <Select id="audit-action" name="action" defaultValue={value("action")}>
              <option value="">Any action</option>
              {actions.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="audit-entity-type" label="Entity type">
            <Input id="audit-entity-type" name="entityType" list="audit-entity-types" autoComplete="off" defaultValue={value("entityType")} />
            <datalist id="audit-entity-types">
              {ENTITY_TYPES.map((t) => (
                <option key={t} value={t} />
              ))}
            </datalist>
          </Field>
          <Field id="audit-entity-id" label="Entity ID">
            <Input id="audit-entity-id" name="entityId" autoComplete="off" defaultValue={value("entityId")} />
          </Field>
          <Field id="audit-borrower" label="Borrower ID">
            <Input id="audit-borrower" name="borrowerId" type="number" inputMode="numeric" min={1} step={1} autoComplete="off" defaultValue={value("borrowerId")} />
          </Field>
          <Field id="audit-from" label="From (date)">
            <Input id="audit-from" name="from" type="date" defaultValue={value("from")} />
          </Field>
          <Field id="audit-to" label="To (date)">
            <Input id="audit-to" name="to" type="date" defaultValue={value("to")} />
          </Field>
          <label className="flex items-end gap-2 pb-1.5 text-sm text-slate-800">
            <input type="checkbox" name="logins" value="include" className="size-4 accent-blue-700" defaultChecked={value("logins") === "include"} />
            Include log-ins
          </label>
          <div className="flex items-end gap-2">
            <Button type="submit" variant="primary">
              Apply
            </Button>
            <Button type="button" variant="ghost" onClick={clear}>
              Clear
            </Button>
          </div>
        </div>
      </form>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p role="status" className="min-h-5 text-xs text-slate-600">
          {isFetching ? "Loading audit events…" : data ? `Showing ${formatInt(data.items.length)} of ${formatTotal(data.total, data.totalIsEstimate, "event")}` : ""}
        </p>
        <a href={`/api/v1/audit?${filters ? `${filters}&` : ""}format=csv`} download="audit.csv" className={buttonClasses("secondary")}>
          Export CSV
        </a>
      </div>
      {error ? <ApiErrorNotice error={error} fallback="Could not load the audit log." returnTo="/audit" /> : null}
      <TableShell label="Audit events table" className={cn("rounded-lg border border-slate-200 bg-white shadow-xs", isPlaceholderData && "opacity-60")}>
        <Table aria-label="Audit events" aria-busy={isPlaceholderData || !items}>
          <thead>
            <tr>
              <Th numeric>Seq</Th>
              <Th>Time</Th>
              <Th>Actor</Th>
              <Th>Action</Th>
              <Th>Entity</Th>
              <Th>Change (before → after)</Th>
              <Th>Request ID</Th>
            </tr>
          </thead>
          <tbody>
            {(items ?? []).map((e) => (
              <tr key={e.seq} className="align-top hover:bg-slate-50">
                <RowTh className="text-right font-mono text-xs">{e.seq}</RowTh>
                <Td className="text-xs">{formatDateTime(e.at)}</Td>
                <Td className="text-xs">{e.actorEmail ?? <span className="text-slate-600">system</span>}</Td>
                <Td>
                  <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-xs text-slate-900">{e.action}</code>
                </Td>
                <Td className="text-xs">
                  <span className="block font-medium text-slate-800">{e.entityType}</span>
                  <span className="block max-w-40 truncate font-mono text-slate-600" title={e.entityId}>
                    {e.entityId}
                  </span>
                </Td>
                <Td>
                  <AuditDiff before={e.before} after={e.after} />
                </Td>
                <Td>
                  <span className="block max-w-28 truncate font-mono text-xs text-slate-600" title={e.requestId ?? undefined}>
                    {e.requestId ?? "—"}
                  </span>
                </Td>
              </tr>
            ))}
            {!items ? (
              <tr>
                <td colSpan={7} className="px-3 py-8 text-center text-sm text-slate-600">
                  Loading…
                </td>
              </tr>
            ) : items.length === 0 ? (
              <tr>
                <td colSpan={7} className="px-3 py-8 text-center text-sm text-slate-600">
                  {error ? "No rows to show: see the message above." : "No audit events match these filters."}
                </td>
              </tr>
            ) : null}
          </tbody>
        </Table>
      </TableShell>
      <CursorPager
        pageSize={pageSize}
        total={error ? 0 : data?.total}
        totalIsEstimate={data?.totalIsEstimate}
        noun="event"
        sizes={PAGE_SIZES}
        pageNumber={cursor ? pager.pageNumber : page}
        hasPrevious={Boolean(cursor) || page > 1}
        nextCursor={isPlaceholderData || error ? null : data?.nextCursor}
        onNext={pager.next}
        onPrevious={() => (cursor ? pager.previous() : update({ page: null }))}
        onPageSize={(size) => update({ pageSize: size, page: null, cursor: null })}
      />
    </div>
  );
}
