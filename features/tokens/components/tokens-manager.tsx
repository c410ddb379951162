"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Badge } from "@/components/badge";
import { Button } from "@/components/button";
import { Card } from "@/components/card";
import { Field, Input } from "@/components/field";
import { RowTh, Table, TableShell, Td, Th } from "@/components/table";
import { errorMessage, fetchJson, fieldErrors, postJson } from "@/lib/http-client";
import { formatDateTime } from "@/lib/format";
import { ApiErrorNotice } from "@/components/api-error-notice";
import { ConfirmRevoke } from "./confirm-revoke";
import { StatusNotice, type Notice } from "@/components/status-notice";

export type TokenView = {
  id: string;
  name: string;
  scope: string;
  prefix: string;
  createdByEmail: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};
type CreatedToken = { token: string; id: string; name: string; scope: string; prefix: string };

/** API tokens for service accounts: list, create (the secret is shown once), revoke. */
export function TokensManager() {
  const queryClient = useQueryClient();
  const { data, error, isPending } = useQuery({
    queryKey: ["tokens"],
    queryFn: ({ signal }) => fetchJson<{ items: TokenView[] }>("/api/v1/tokens", signal),
    staleTime: 0,
  });
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [createError, setCreateError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  async function handleCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get("name") ?? "").trim();
    if (name.length < 3) {
      setCreateError("Give the token a name of at least 3 characters, e.g. the system that will use it.");
      return;
    }
    setBusy(true);
    setCreateError(null);
    setNotice(null);
    try {
      const token = await postJson<CreatedToken>("/api/v1/tokens", { name }, { idempotencyKey: crypto.randomUUID() });
      form.reset();
      await queryClient.invalidateQueries({ queryKey: ["tokens"] });
      setCreated(token);
    } catch (err) {
      setCreateError(fieldErrors(err).name ?? errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function revoke(token: TokenView): Promise<string | null> {
    setNotice(null);
    try {
      await postJson(`/api/v1/tokens/${encodeURIComponent(token.id)}/revoke`, {}, { idempotencyKey: crypto.randomUUID() });
      await queryClient.invalidateQueries({ queryKey: ["tokens"] });
      setNotice({ tone: "ok", text: `Token “${token.name}” (${token.prefix}…) is revoked: requests with it now get 401.` });
      if (created?.id === token.id) setCreated(null);
      return null;
    } catch (err) {
      return errorMessage(err);
    }
  }

  const items = error ? [] : (data?.items ?? []);
  return (
    <div className="space-y-5">
      <Card title="Create a token" headingId="create-token-heading" description="Read-only access to the limit-change feed (scope limit-changes:read), for the card system.">
        <form noValidate onSubmit={handleCreate} className="flex flex-wrap items-end gap-3">
          <Field id="token-name" label="Name" className="w-72">
            <Input
              id="token-name"
              name="name"
              maxLength={60}
              autoComplete="off"
              placeholder="e.g. Card system feed reader"
              aria-invalid={createError ? true : undefined}
              aria-describedby={createError ? "token-name-error" : undefined}
            />
          </Field>
          <Button type="submit" variant="primary" disabled={busy}>
            {busy ? "Creating…" : "Create token"}
          </Button>
          {createError ? (
            <p id="token-name-error" role="alert" className="w-full text-sm font-medium text-red-700">
              {createError}
            </p>
          ) : null}
        </form>
        {created ? <NewToken token={created} onDone={() => setCreated(null)} /> : null}
      </Card>

      <section aria-labelledby="tokens-heading" className="space-y-3">
        <h2 id="tokens-heading" className="text-base font-semibold text-slate-900">
          Tokens
        </h2>
        <StatusNotice notice={notice} />
        {error ? <ApiErrorNotice error={error} fallback="Could not load the tokens." returnTo="/admin/tokens" /> : null}
        <TableShell label="API tokens table" className="rounded-lg border border-slate-200 bg-white shadow-xs">
          <Table aria-label="API tokens">
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Prefix</Th>
                <Th>Scope</Th>
                <Th>Created</Th>
                <Th>Last used</Th>
                <Th>Status</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {items.map((t) => (
                <tr key={t.id} className="hover:bg-slate-50">
                  <RowTh>{t.name}</RowTh>
                  <Td className="font-mono text-xs">{t.prefix}…</Td>
                  <Td className="font-mono text-xs">{t.scope}</Td>
                  <Td className="text-xs">
                    {formatDateTime(t.createdAt)}
                    <span className="block text-slate-600">{t.createdByEmail}</span>
                  </Td>
                  <Td className="text-xs">{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "Never"}</Td>
                  <Td>
                    {t.revokedAt ? (
                      <Badge className="bg-slate-100 text-slate-800 ring-slate-500/30">Revoked {t.revokedAt.slice(0, 10)}</Badge>
                    ) : (
                      <Badge className="bg-green-50 text-green-800 ring-green-600/30">Active</Badge>
                    )}
                  </Td>
                  <Td>{t.revokedAt ? null : <ConfirmRevoke token={t} onConfirm={() => revoke(t)} />}</Td>
                </tr>
              ))}
              {!isPending && items.length === 0 ? (
                <tr>
                  <td colSpan={7} className="px-3 py-6 text-center text-sm text-slate-600">
                    No tokens yet.
                  </td>
                </tr>
              ) : null}
            </tbody>
          </Table>
        </TableShell>
      </section>
    </div>
  );
}

/** The new secret, once: a read-only box with a copy button and a warning. */
function NewToken({ token, onDone }: { token: CreatedToken; onDone: () => void }) {
  const [copied, setCopied] = useState<"idle" | "ok" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied("ok");
    } catch {
      setCopied("failed");
    }
  }
  return (
    <div role="region" aria-labelledby="new-token-heading" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3">
      <h3 id="new-token-heading" className="text-sm font-semibold text-amber-950">
        Token “{token.name}” created
      </h3>
      <p className="mt-0.5 text-sm text-amber-950">
        Copy it now: this is the only time it is shown. Only its hash is stored; if it is lost, revoke it and create a new one.
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <label htmlFor="new-token-value" className="sr-only">
          New token
        </label>
        <input
          id="new-token-value"
          readOnly
          value={token.token}
          onFocus={(e) => e.currentTarget.select()}
          className="w-full max-w-xl rounded-md border border-amber-400 bg-white px-2 py-1.5 font-mono text-sm text-slate-900"
        />
        <Button variant="primary" onClick={copy}>
          Copy
        </Button>
        <Button variant="ghost" onClick={onDone}>
          I have stored it
        </Button>
        <span aria-live="polite" className="text-sm text-amber-950">
          {copied === "ok" ? "Copied to the clipboard." : copied === "failed" ? "Copy failed: select the text and copy it by hand." : ""}
        </span>
      </div>
    </div>
  );
}
