"use client";

import type { FormEvent } from "react";
import { Button } from "@/components/button";
import { Card } from "@/components/card";
import { Input } from "@/components/field";
import { cn } from "@/components/cn";
import { FIELD_GROUPS, type FieldErrors, type FieldPath, type FormValues } from "./policy-fields";
import { SliderField } from "./slider-field";

type Props = {
  values: FormValues;
  errors: FieldErrors;
  name: string;
  nameError?: string;
  editable: boolean;
  /** Why the settings are read-only (shown when not editable). */
  readOnlyReason: string;
  dirty: boolean;
  saving: boolean;
  saveStatus: string;
  onChange: (path: FieldPath, value: string) => void;
  onNameChange: (name: string) => void;
  onSave: () => void;
  /** Throws the unsaved edits away (back to the saved settings). */
  onDiscard: () => void;
};

/** The policy settings: every field as a number input plus a slider; Save for the author's draft. */
export function PolicyEditor(props: Props) {
  const { values, errors, name, nameError, editable, readOnlyReason, dirty, saving, saveStatus, onChange, onNameChange, onSave, onDiscard } = props;
  const errorCount = Object.keys(errors).length + (nameError ? 1 : 0);

  function handleSubmit(e: FormEvent) {
    e.preventDefault();
    onSave();
  }

  return (
    <Card
      title="Settings"
      level={3}
      headingId="policy-settings-heading"
      description={editable ? "Edit the draft; the preview updates as you type." : readOnlyReason}
    >
      <form noValidate onSubmit={handleSubmit} aria-labelledby="policy-settings-heading" className="space-y-5">
        {editable ? (
          <div>
            <label htmlFor="policy-name" className="block text-xs font-medium text-slate-700">
              Name
            </label>
            <Input
              id="policy-name"
              className={cn("mt-1", nameError && "border-red-700")}
              value={name}
              maxLength={80}
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? "policy-name-error" : undefined}
              onChange={(e) => onNameChange(e.target.value)}
            />
            {nameError ? (
              <p id="policy-name-error" className="mt-1 text-xs font-medium text-red-700">
                {nameError}
              </p>
            ) : null}
          </div>
        ) : null}
        {FIELD_GROUPS.map((group) => (
          <fieldset key={group.legend} className="space-y-3">
            <legend className="mb-2 text-xs font-semibold tracking-wide text-slate-600 uppercase">{group.legend}</legend>
            {group.fields.map((def) => (
              <SliderField
                key={def.path}
                def={def}
                value={values[def.path]}
                error={errors[def.path]}
                readOnly={!editable}
                onChange={(v) => onChange(def.path, v)}
              />
            ))}
          </fieldset>
        ))}
        {editable ? (
          <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 pt-4">
            <Button type="submit" variant="primary" disabled={saving}>
              {saving ? "Saving…" : "Save draft"}
            </Button>
            <Button disabled={saving || !dirty} onClick={onDiscard}>
              Discard changes
            </Button>
            <p role="status" className="text-xs text-slate-600">
              {errorCount ? `${errorCount} ${errorCount === 1 ? "field needs" : "fields need"} attention.` : saveStatus || (dirty ? "Unsaved changes." : "All changes saved.")}
            </p>
          </div>
        ) : null}
      </form>
    </Card>
  );
}
