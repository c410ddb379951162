import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/features/auth/session";
import { can } from "@/features/auth/permissions";
import { entityHistory } from "@/features/audit/data";
import { getPolicy, getPortfolioColumns, listPolicies } from "@/features/policy/data";
import { allowedActions, type PolicyAction } from "@/features/policy/lifecycle";
import { previewWithBaseline } from "@/features/policy/preview/side-by-side";
import type { PolicyConfig, PolicyView } from "@/features/policy/schema";
import { Card } from "@/components/card";
import { PageHeader } from "@/components/page-header";
import { PolicyDiff } from "@/features/policy/components/policy-diff";
import { PolicyEditsProvider } from "@/features/policy/components/editor-edits";
import { formatDateTime, StatusBadge } from "@/features/policy/components/policy-display";
import { PolicyHistory } from "@/features/policy/components/policy-history";
import { PolicyWorkspace } from "@/features/policy/components/policy-workspace";
import { VersionsTable } from "@/features/policy/components/versions-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Policies" };

type Props = { searchParams: Promise<{ id?: string | string[] }> };

export default async function PoliciesPage({ searchParams }: Props) {
  const actor = await requirePagePermission("policy:read", "/policies");
  const { id: rawId } = await searchParams;
  const id = typeof rawId === "string" ? rawId : undefined;

  const policies = await listPolicies();
  const active = policies.find((p) => p.status === "ACTIVE") ?? null;
  const selected = id ? policies.find((p) => p.id === id) : (active ?? policies[0]);
  if (id && !selected) notFound();

  const canDraft = can(actor.role, "policy:draft");
  const versionOf = Object.fromEntries(policies.map((p) => [p.id, p.version]));

  return (
    <>
      <PageHeader
        title="Policies"
        description="Score cut-offs and limit actions per risk tier. Analysts draft and submit; a second person approves and activates."
      />
      {/* The editor's unsaved settings reach "Compare versions" through this provider. */}
      <PolicyEditsProvider>
        <div className="space-y-6">
          <Card title="Versions" headingId="versions-heading" description="Newest first. The active version is the one in force; select a version to view it.">
            {policies.length ? <VersionsTable policies={policies} selectedId={selected?.id ?? null} /> : <p className="text-sm text-slate-700">No policy versions yet.</p>}
          </Card>
          {selected ? <SelectedVersion selected={selected} active={active} actor={actor} canDraft={canDraft} versionOf={versionOf} /> : null}
          <Card title="Compare versions" headingId="compare-heading" description="Field-by-field differences between two versions, or a version and the editor's unsaved settings">
            <PolicyDiff
              key={selected?.id ?? "none"}
              options={policies.map(({ id, version, name, status }) => ({ id, version, name, status }))}
              defaultFrom={selected && selected.basedOnId ? selected.basedOnId : (active?.id ?? null)}
              defaultTo={selected?.id ?? null}
            />
          </Card>
        </div>
      </PolicyEditsProvider>
    </>
  );
}

async function SelectedVersion(props: {
  selected: PolicyView;
  active: PolicyView | null;
  actor: { id: string; role: string };
  canDraft: boolean;
  versionOf: Record<string, number>;
}) {
  const { selected, active, actor, canDraft, versionOf } = props;
  const raw = await getPolicy(selected.id);
  if (!raw) notFound();
  const permitted = (a: PolicyAction) => can(actor.role, a === "edit" || a === "submit" ? "policy:draft" : "policy:approve");
  const allowed = allowedActions(raw, actor.id, permitted);
  const editable = allowed.includes("edit");
  const own = raw.authorId === actor.id;
  const readOnlyReason =
    selected.status !== "DRAFT"
      ? `Read-only: this version is ${selected.status.toLowerCase()} and cannot change. Start a new draft from it to propose changes.`
      : !own
        ? `Read-only: only the author (${selected.authorEmail ?? "unknown"}) can edit this draft.`
        : "Read-only: your role cannot edit drafts.";

  const [history, initialPreview] = await Promise.all([
    entityHistory("Policy", selected.id),
    active ? previewAgainst(active.config, selected.config) : Promise.resolve(null),
  ]);

  const basedOn = selected.basedOnId ? versionOf[selected.basedOnId] : undefined;

  return (
    <>
      <section aria-labelledby="selected-heading" className="space-y-4">
        <div>
          <div className="flex flex-wrap items-center gap-2">
            <h2 id="selected-heading" className="text-lg font-semibold text-slate-900">
              Version {selected.version}: {selected.name}
            </h2>
            <StatusBadge status={selected.status} />
          </div>
          <dl className="mt-1 flex flex-wrap gap-x-5 gap-y-1 text-xs text-slate-600">
            <Meta label="Author" value={selected.authorEmail ?? "—"} />
            <Meta label="Created" value={formatDateTime(selected.createdAt)} />
            {basedOn ? <Meta label="Based on" value={`v${basedOn}`} /> : null}
            {selected.submittedAt ? <Meta label="Submitted" value={formatDateTime(selected.submittedAt)} /> : null}
            {selected.decidedAt ? (
              <Meta
                label={selected.status === "REJECTED" ? "Rejected" : "Approved"}
                value={`${formatDateTime(selected.decidedAt)} by ${selected.decidedByEmail ?? "—"}${selected.comment ? ` — “${selected.comment}”` : ""}`}
              />
            ) : null}
            {selected.activatedAt ? <Meta label="Activated" value={formatDateTime(selected.activatedAt)} /> : null}
            {selected.retiredAt ? <Meta label="Retired" value={formatDateTime(selected.retiredAt)} /> : null}
          </dl>
        </div>
        <PolicyWorkspace
          key={selected.id}
          policy={selected}
          editable={editable}
          readOnlyReason={readOnlyReason}
          allowed={allowed.filter((a) => a !== "edit")}
          canDraft={canDraft}
          active={active ? { id: active.id, version: active.version } : null}
          initialPreview={initialPreview}
        />
      </section>
      <Card title={`History of version ${selected.version}`} headingId="history-heading" description="Audit events, oldest first">
        <PolicyHistory events={history} versionOf={versionOf} />
      </Card>
    </>
  );
}

/** The first preview, rendered with the page so the cards are filled on first paint. */
async function previewAgainst(active: PolicyConfig, draft: PolicyConfig) {
  try {
    const cols = await getPortfolioColumns();
    return { data: previewWithBaseline(cols, active, draft), fetchedAt: Date.now() };
  } catch (err) {
    console.error("policy preview failed", err);
    return null;
  }
}

function Meta({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex gap-1">
      <dt className="font-medium text-slate-700">{label}:</dt>
      <dd>{value}</dd>
    </div>
  );
}
