"use client";

import { Dialog } from "radix-ui";
import { useId, useState, type FormEvent, type ReactNode } from "react";
import { Button, type ButtonVariant } from "@/components/button";
import { cn } from "@/components/cn";
import { controlClass } from "@/components/field";

type Props = {
  /** Text of the button that opens the dialog. */
  triggerLabel: ReactNode;
  /** Accessible name of the trigger when its text alone is ambiguous (e.g. "Reject" in every row). */
  triggerAriaLabel?: string;
  triggerVariant?: ButtonVariant;
  triggerClassName?: string;
  disabled?: boolean;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  confirmVariant?: ButtonVariant;
  /** Comment box: required (with the API's minimum length) or optional. */
  comment: { label: string; required: boolean; minLength?: number; maxLength?: number };
  /** Resolves to an error message to show in the dialog, or null when done (the dialog closes). */
  onConfirm: (comment: string) => Promise<string | null>;
};

/** A decision behind a Radix dialog: focus is trapped, Escape cancels, focus returns to the trigger. */
export function CommentDialog(props: Props) {
  const { triggerLabel, triggerAriaLabel, triggerVariant = "secondary", triggerClassName, disabled, title, description, confirmLabel, confirmVariant = "primary", comment, onConfirm } = props;
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const min = comment.minLength ?? (comment.required ? 1 : 0);
  const max = comment.maxLength ?? 1000;

  async function handleSubmit(e: FormEvent) {
    e.preventDefault();
    const trimmed = text.trim();
    if (comment.required && trimmed.length < min) {
      setError(`Write a comment of at least ${min} characters.`);
      return;
    }
    setBusy(true);
    try {
      const failure = await onConfirm(trimmed);
      if (failure) setError(failure);
      else {
        setOpen(false);
        setText("");
        setError(null);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        if (busy) return;
        setOpen(next);
        if (!next) setError(null);
      }}
    >
      <Dialog.Trigger asChild>
        <Button variant={triggerVariant} className={triggerClassName} disabled={disabled} aria-label={triggerAriaLabel}>
          {triggerLabel}
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(30rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl focus:outline-none">
          <Dialog.Title className="text-base font-semibold text-slate-900">{title}</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-slate-700">{description}</Dialog.Description>
          <form noValidate onSubmit={handleSubmit} className="mt-4 space-y-3">
            <div>
              <label htmlFor={`${id}-comment`} className="mb-1 block text-xs font-medium text-slate-700">
                {comment.label}
                {comment.required ? "" : " (optional)"}
              </label>
              <textarea
                id={`${id}-comment`}
                rows={4}
                maxLength={max}
                value={text}
                required={comment.required}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                onChange={(e) => setText(e.target.value)}
                className={cn(controlClass, error && "border-red-700")}
              />
            </div>
            {error ? (
              <p id={`${id}-error`} role="alert" className="text-sm font-medium text-red-700">
                {error}
              </p>
            ) : null}
            <div className="flex justify-end gap-2 pt-1">
              <Dialog.Close asChild>
                <Button disabled={busy}>Cancel</Button>
              </Dialog.Close>
              <Button type="submit" variant={confirmVariant} disabled={busy}>
                {busy ? "Working…" : confirmLabel}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
