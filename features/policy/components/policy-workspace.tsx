"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import type { PolicyAction } from "@/features/policy/lifecycle";
import type { PolicyView } from "@/features/policy/schema";
import type { PolicyPreview } from "@/features/policy/preview/types";
import { ApiRequestError, errorMessage } from "@/lib/http-client";
import { useLeaveGuard } from "@/components/use-leave-guard";
import { policyApi } from "./api";
import { usePublishEdits } from "./editor-edits";
import { ImpactPreview } from "./impact-preview";
import { LifecycleActions } from "./lifecycle-actions";
import { PolicyEditor } from "./policy-editor";
import { configOf, formValuesOf, mapServerIssues, validate, type FieldErrors, type FieldPath, type FormValues } from "./policy-fields";

type Props = {
  policy: PolicyView;
  editable: boolean;
  readOnlyReason: string;
  allowed: PolicyAction[];
  canDraft: boolean;
  active: { id: string; version: number } | null;
  initialPreview: { data: PolicyPreview; fetchedAt: number } | null;
};

type Message = { kind: "success" | "error"; text: string };

/** Settings, lifecycle buttons and the live impact preview of one version (keyed by its id). */
export function PolicyWorkspace({ policy, editable, readOnlyReason, allowed, canDraft, active, initialPreview }: Props) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [, startTransition] = useTransition();
  const [values, setValues] = useState<FormValues>(() => formValuesOf(policy.config));
  const [name, setName] = useState(policy.name);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [nameError, setNameError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const [saveStatus, setSaveStatus] = useState("");
  const [message, setMessage] = useState<Message | null>(null);

  const checked = useMemo(() => validate(values), [values]);
  const errors: FieldErrors = { ...serverErrors, ...checked.errors };
  const configKey = checked.config ? JSON.stringify(configOf(values)) : null;
  const initialKey = useMemo(() => JSON.stringify(configOf(formValuesOf(policy.config))), [policy.config]);
  // What the server holds now: the page's version until a save succeeds, then what was saved
  // (so the leave guard stops at once, not after the refresh arrives).
  const [saved, setSaved] = useState(() => ({ key: initialKey, values: formValuesOf(policy.config), name: policy.name }));
  const configDirty = (configKey ?? "invalid") !== saved.key;
  const dirty = editable && (configDirty || name.trim() !== saved.name);
  useLeaveGuard(dirty);
  usePublishEdits(policy.id, policy.version, editable && configDirty ? checked.config : null, editable && configDirty ? configKey : null);

  function change(path: FieldPath, value: string) {
    setValues((v) => ({ ...v, [path]: value }));
    setSaveStatus("");
    if (serverErrors[path]) setServerErrors(({ [path]: _, ...rest }) => rest);
  }

  async function save() {
    setMessage(null);
    const trimmed = name.trim();
    const badName = trimmed.length < 3 ? "Must be at least 3 characters" : undefined;
    setNameError(badName);
    if (!checked.config || badName) {
      setSaveStatus("");
      const first = Object.keys(checked.errors)[0];
      const el = document.getElementById(first ? `policy-${first.replaceAll(".", "-")}-input` : "policy-name");
      el?.focus();
      return;
    }
    setSaving(true);
    try {
      await policyApi.update(policy.id, { name: trimmed, config: checked.config });
      setSaved({ key: JSON.stringify(configOf(values)), values, name: trimmed });
      setServerErrors({});
      setSaveStatus("Saved.");
      startTransition(() => router.refresh());
      void queryClient.invalidateQueries({ queryKey: ["policy-diff"] });
    } catch (err) {
      if (err instanceof ApiRequestError && err.status === 400) {
        const { fields, other } = mapServerIssues(err.issues);
        setServerErrors(fields);
        const nameIssue = other.find((i) => i.field === "body.name");
        if (nameIssue) setNameError(nameIssue.message);
        setMessage({ kind: "error", text: other.length && !nameIssue ? `${err.message}` : "The server rejected some values; see the marked fields." });
      } else {
        setMessage({ kind: "error", text: errorMessage(err) });
      }
      setSaveStatus("");
    } finally {
      setSaving(false);
    }
  }

  /** Back to the saved settings: nothing is sent, the leave guard stops. */
  function discardEdits() {
    setValues(saved.values);
    setName(saved.name);
    setServerErrors({});
    setNameError(undefined);
    setMessage(null);
    setSaveStatus("Changes discarded.");
  }

  return (
    <div className="space-y-4">
      <LifecycleActions
        policyId={policy.id}
        version={policy.version}
        activeVersion={active?.version ?? null}
        allowed={allowed}
        canDraft={canDraft}
        dirty={dirty}
        onMessage={setMessage}
      />
      {message ? (
        message.kind === "error" ? (
          <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
            <p className="font-semibold">That did not work</p>
            <p>{message.text}</p>
          </div>
        ) : (
          <p role="status" className="rounded-md border border-green-200 bg-green-50 px-4 py-3 text-sm text-green-900">
            {message.text}
          </p>
        )
      ) : null}
      <div className="grid items-start gap-5 lg:grid-cols-12">
        <div className="lg:col-span-5 xl:col-span-4">
          <PolicyEditor
            values={values}
            errors={errors}
            name={name}
            nameError={nameError}
            editable={editable}
            readOnlyReason={readOnlyReason}
            dirty={dirty}
            saving={saving}
            saveStatus={saveStatus}
            onChange={change}
            onNameChange={(n) => {
              setName(n);
              setNameError(undefined);
              setSaveStatus("");
            }}
            onSave={() => void save()}
            onDiscard={discardEdits}
          />
        </div>
        <div className="lg:col-span-7 xl:col-span-8">
          <ImpactPreview
            config={checked.config}
            configKey={configKey}
            activeId={active?.id ?? null}
            activeVersion={active?.version ?? null}
            initial={initialPreview ? { configKey: initialKey, ...initialPreview } : null}
          />
        </div>
      </div>
    </div>
  );
}
