"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import type { PolicyAction } from "@/features/policy/lifecycle";
import { ApiRequestError, errorMessage } from "@/lib/http-client";
import { LEAVE_MESSAGE } from "@/components/use-leave-guard";
import { ActionDialog } from "./action-dialog";
import { policyApi, type LifecycleAction } from "./api";

type Props = {
  policyId: string;
  version: number;
  activeVersion: number | null;
  /** From allowedActions() on the server; the API checks again. */
  allowed: PolicyAction[];
  canDraft: boolean;
  /** Unsaved edits: submitting would send the saved version, so Submit waits for Save; a new draft asks first. */
  dirty: boolean;
  onMessage: (m: { kind: "success" | "error"; text: string } | null) => void;
};

const DONE: Record<LifecycleAction, string> = {
  submit: "submitted for approval",
  approve: "approved",
  reject: "rejected",
  activate: "activated; the latest month is re-tiered",
};

/** The lifecycle buttons this user may use on this version, plus "New draft from this version". */
export function LifecycleActions({ policyId, version, activeVersion, allowed, canDraft, dirty, onMessage }: Props) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [, startTransition] = useTransition();

  function refresh() {
    startTransition(() => router.refresh());
    void queryClient.invalidateQueries();
  }

  /** Runs a step; an error with a comment problem stays in the dialog, others go to the page alert. */
  async function run(action: LifecycleAction, comment?: string): Promise<string | null> {
    setBusy(action);
    onMessage(null);
    try {
      await policyApi.transition(policyId, action, comment);
      onMessage({ kind: "success", text: `Version ${version} ${DONE[action]}.` });
      refresh();
      return null;
    } catch (err) {
      if (err instanceof ApiRequestError && err.status === 400) {
        return err.issues.map((i) => i.message).join("; ") || err.message;
      }
      onMessage({ kind: "error", text: errorMessage(err) });
      if (err instanceof ApiRequestError && err.status === 409) refresh();
      return null;
    } finally {
      setBusy(null);
    }
  }

  async function newDraft() {
    // The new draft is a copy of the saved version and the page moves to it: edits would be lost.
    if (dirty && !window.confirm(LEAVE_MESSAGE)) return;
    setBusy("copy");
    onMessage(null);
    try {
      const created = await policyApi.createFrom(policyId);
      void queryClient.invalidateQueries();
      router.push(`/policies?id=${encodeURIComponent(created.id)}`);
    } catch (err) {
      onMessage({ kind: "error", text: errorMessage(err) });
    } finally {
      setBusy(null);
    }
  }

  /** Soft delete of the author's draft (audited); the page then shows the active version. */
  async function discard(): Promise<string | null> {
    setBusy("discard");
    onMessage(null);
    try {
      await policyApi.discard(policyId);
      onMessage({ kind: "success", text: `Draft version ${version} discarded.` });
      void queryClient.invalidateQueries();
      router.push("/policies");
      return null;
    } catch (err) {
      onMessage({ kind: "error", text: errorMessage(err) });
      return null;
    } finally {
      setBusy(null);
    }
  }

  const has = (a: PolicyAction) => allowed.includes(a);
  if (!canDraft && !["submit", "approve", "reject", "activate"].some((a) => has(a as PolicyAction))) return null;

  return (
    <div className="flex flex-wrap items-center gap-2">
      {has("submit") ? (
        <>
          <Button variant="primary" disabled={busy !== null || dirty} onClick={() => void run("submit")} aria-describedby={dirty ? "submit-hint" : undefined}>
            {busy === "submit" ? "Submitting…" : "Submit for approval"}
          </Button>
          {dirty ? (
            <span id="submit-hint" className="text-xs text-slate-600">
              Save your changes first.
            </span>
          ) : null}
        </>
      ) : null}
      {has("edit") ? (
        <ActionDialog
          triggerLabel="Discard draft"
          title={`Discard draft version ${version}?`}
          description="The draft disappears from the version list; the audit trail keeps a record of it. Its version number is not reused."
          confirmLabel="Discard draft"
          busy={busy === "discard"}
          onConfirm={() => discard()}
        />
      ) : null}
      {has("approve") ? (
        <ActionDialog
          triggerLabel="Approve"
          triggerVariant="primary"
          title={`Approve version ${version}?`}
          description="Approval lets a manager activate this version. Add a comment for the record if you like."
          confirmLabel="Approve"
          comment={{ label: "Comment (optional)", required: false }}
          busy={busy === "approve"}
          onConfirm={(comment) => run("approve", comment || undefined)}
        />
      ) : null}
      {has("reject") ? (
        <ActionDialog
          triggerLabel="Reject"
          title={`Reject version ${version}?`}
          description="The author will see your reason. A rejected version cannot be edited; they can start a new draft from it."
          confirmLabel="Reject"
          comment={{ label: "Reason for rejecting (required)", required: true, minLength: 3 }}
          busy={busy === "reject"}
          onConfirm={(comment) => run("reject", comment)}
        />
      ) : null}
      {has("activate") ? (
        <ActionDialog
          triggerLabel="Activate"
          triggerVariant="primary"
          title={`Activate version ${version}?`}
          description={`It replaces the active policy${activeVersion ? ` (v${activeVersion}), which is retired` : ""}, and the latest month's borrowers are re-tiered with its cut-offs.`}
          confirmLabel="Activate"
          busy={busy === "activate"}
          onConfirm={() => run("activate")}
        />
      ) : null}
      {canDraft ? (
        <Button disabled={busy !== null} onClick={() => void newDraft()}>
          {busy === "copy" ? "Creating…" : "New draft from this version"}
        </Button>
      ) : null}
    </div>
  );
}
