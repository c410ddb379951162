import { ownValue } from "@/lib/closed-list";

const ROLE_LABEL: Record<string, string> = { ANALYST: "Analyst", MANAGER: "Manager", ADMIN: "Admin", AUDITOR: "Auditor" };

/** The signed-in user's role, on the dark top bar. */
export function RoleBadge({ role }: { role: string }) {
  return (
    <span className="rounded bg-slate-700 px-1.5 py-0.5 text-xs font-medium text-slate-100">{ownValue(ROLE_LABEL, role) ?? role}</span>
  );
}
