"use client";

import { Dialog } from "radix-ui";
import { useState, type FormEvent } from "react";
import { Button, type ButtonVariant } from "@/components/button";
import { cn } from "@/components/cn";
import { controlClass } from "@/components/field";

type Props = {
  /** Text of the button that opens the dialog. */
  triggerLabel: string;
  triggerVariant?: ButtonVariant;
  title: string;
  description: string;
  confirmLabel: string;
  /** Comment box: absent, optional, or required (with the minimum length the API asks for). */
  comment?: { label: string; required: boolean; minLength?: number };
  busy: boolean;
  /** Resolves to an error message to show in the dialog, or null when done (the dialog closes). */
  onConfirm: (comment: string) => Promise<string | null>;
};

/** A lifecycle step behind a Radix dialog: focus is trapped, Escape cancels, focus returns to the button. */
export function ActionDialog({ triggerLabel, triggerVariant = "secondary", title, description, confirmLabel, comment, busy, onConfirm }: Props) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const idBase = `dialog-${triggerLabel.toLowerCase().replace(/[^a-z]+/g, "-")}`;

  async function handleSubmit(e: FormEvent) {
    e.preventDefault();
    const trimmed = text.trim();
    if (comment?.required && trimmed.length < (comment.minLength ?? 1)) {
      setError(`Write a comment of at least ${comment.minLength ?? 1} characters.`);
      return;
    }
    const failure = await onConfirm(trimmed);
    if (failure) setError(failure);
    else {
      setOpen(false);
      setText("");
      setError(null);
    }
  }

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setError(null);
      }}
    >
      <Dialog.Trigger asChild>
        <Button variant={triggerVariant}>{triggerLabel}</Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(30rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl focus:outline-none">
          <Dialog.Title className="text-base font-semibold text-slate-900">{title}</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-slate-700">{description}</Dialog.Description>
          <form noValidate onSubmit={handleSubmit} className="mt-4 space-y-3">
            {comment ? (
              <div>
                <label htmlFor={`${idBase}-comment`} className="mb-1 block text-xs font-medium text-slate-700">
                  {comment.label}
                </label>
                <textarea
                  id={`${idBase}-comment`}
                  rows={4}
                  maxLength={1000}
                  value={text}
                  required={comment.required}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${idBase}-error` : undefined}
                  onChange={(e) => setText(e.target.value)}
                  className={cn(controlClass, error && "border-red-700")}
                />
              </div>
            ) : null}
            {error ? (
              <p id={`${idBase}-error`} role="alert" className="text-sm font-medium text-red-700">
                {error}
              </p>
            ) : null}
            <div className="flex justify-end gap-2 pt-1">
              <Dialog.Close asChild>
                <Button>Cancel</Button>
              </Dialog.Close>
              <Button type="submit" variant="primary" disabled={busy}>
                {busy ? "Working…" : confirmLabel}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
