"use client";

import { AlertDialog } from "radix-ui";
import { useState } from "react";
import { Button } from "@/components/button";
import type { TokenView } from "./tokens-manager";

/** Revoke behind a Radix alert dialog: it cannot be undone. */
export function ConfirmRevoke({ token, onConfirm }: { token: TokenView; onConfirm: () => Promise<string | null> }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function confirm() {
    setBusy(true);
    const failure = await onConfirm();
    setBusy(false);
    if (failure) setError(failure);
    else setOpen(false);
  }
  return (
    <AlertDialog.Root
      open={open}
      onOpenChange={(next) => {
        if (busy) return;
        setOpen(next);
        if (!next) setError(null);
      }}
    >
      <AlertDialog.Trigger asChild>
        <Button className="px-2 py-1 text-xs text-red-800" aria-label={`Revoke token ${token.name}`}>
          Revoke
        </Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl focus:outline-none">
          <AlertDialog.Title className="text-base font-semibold text-slate-900">Revoke “{token.name}”?</AlertDialog.Title>
          <AlertDialog.Description className="mt-1 text-sm text-slate-700">
            Requests with the token {token.prefix}… stop working at once. This cannot be undone.
          </AlertDialog.Description>
          {error ? (
            <p role="alert" className="mt-3 text-sm font-medium text-red-700">
              {error}
            </p>
          ) : null}
          <div className="mt-4 flex justify-end gap-2">
            <AlertDialog.Cancel asChild>
              <Button disabled={busy}>Cancel</Button>
            </AlertDialog.Cancel>
            <Button variant="primary" className="bg-red-700 hover:bg-red-800" disabled={busy} onClick={confirm}>
              {busy ? "Revoking…" : "Revoke token"}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
