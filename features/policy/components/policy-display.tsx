// Small display helpers shared by the policy page's components.
import { Badge } from "@/components/badge";
import type { PolicyStatus } from "@/features/policy/schema";

const STATUS_CLASS: Record<PolicyStatus, string> = {
  DRAFT: "bg-slate-50 text-slate-700 ring-slate-500/30",
  SUBMITTED: "bg-blue-50 text-blue-800 ring-blue-600/30",
  APPROVED: "bg-violet-50 text-violet-800 ring-violet-600/30",
  ACTIVE: "bg-green-50 text-green-800 ring-green-600/30",
  REJECTED: "bg-red-50 text-red-800 ring-red-600/30",
  RETIRED: "bg-stone-100 text-stone-700 ring-stone-500/30",
};

const STATUS_LABEL: Record<PolicyStatus, string> = {
  DRAFT: "Draft",
  SUBMITTED: "Submitted",
  APPROVED: "Approved",
  ACTIVE: "Active",
  REJECTED: "Rejected",
  RETIRED: "Retired",
};

export function StatusBadge({ status }: { status: PolicyStatus }) {
  return <Badge className={STATUS_CLASS[status]}>{STATUS_LABEL[status]}</Badge>;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** ISO timestamp → "2025-05-01 14:03 UTC": UTC so server and browser render the same text. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "—";
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

/** A config value as text for tables (numbers with separators, null as a dash). */
export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return "—";
  if (typeof v === "number") return v.toLocaleString("en-US", { maximumFractionDigits: 4 });
  return typeof v === "string" ? v : JSON.stringify(v);
}
