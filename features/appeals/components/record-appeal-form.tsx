"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/button";
import { cn } from "@/components/cn";
import { controlClass, Field, Input, Select } from "@/components/field";
import { formatDate, formatInt, formatNtd } from "@/lib/format";
import { appealsApi } from "@/features/appeals/client";
import { errorMessage, fieldErrors } from "@/lib/http-client";
import { CHANNEL_LABEL } from "@/features/appeals/components/appeal-badges";
import { APPEAL_CHANNELS } from "@/features/appeals/schema";
import type { AppealChannel } from "@/features/appeals/types";
import type { LimitChangeView } from "@/features/adjustments/types";

const TEXT_MIN = 10;
const TEXT_MAX = 2000;

type Props = {
  /** Decreases that may be appealed (not cancelled, no open appeal), newest first. */
  decreases: LimitChangeView[];
  onRecorded: () => void;
};

const today = () => new Date().toISOString().slice(0, 10);

/** Records a borrower's appeal against a decrease: channel, what they said, when it arrived. */
export function RecordAppealForm({ decreases, onRecorded }: Props) {
  const [changeId, setChangeId] = useState(decreases[0]?.id ?? "");
  const [channel, setChannel] = useState<AppealChannel>("PHONE");
  const [text, setText] = useState("");
  const [received, setReceived] = useState(today);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const selectedId = decreases.some((d) => d.id === changeId) ? changeId : (decreases[0]?.id ?? "");

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    setFormError(null);
    const found: Record<string, string> = {};
    if (text.trim().length < TEXT_MIN) found.text = `Write at least ${TEXT_MIN} characters: what the borrower asked for and why.`;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(received)) found.receivedAt = "Enter the date the appeal arrived.";
    else if (received > today()) found.receivedAt = "The date cannot be in the future.";
    setErrors(found);
    if (Object.keys(found).length) {
      document.getElementById(found.receivedAt ? "appeal-received" : "appeal-text")?.focus();
      return;
    }
    setBusy(true);
    try {
      // A date picked today means "now"; an earlier date is taken as noon UTC of that day.
      const receivedAt = received === today() ? undefined : `${received}T12:00:00.000Z`;
      const appeal = await appealsApi.record({ limitChangeId: selectedId, channel, text: text.trim(), ...(receivedAt ? { receivedAt } : {}) });
      setDone(`Appeal recorded; a manager must decide it by ${formatDate(appeal.dueAt)}.`);
      setText("");
      onRecorded();
    } catch (err) {
      const issues = fieldErrors(err);
      setErrors(issues);
      setFormError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  if (!decreases.length) {
    return (
      <div role="status" className="text-sm">
        {done ? <p className="font-medium text-green-900">{done}</p> : null}
        <p className="text-slate-700">There is no decrease to appeal (or its appeal is already open).</p>
      </div>
    );
  }

  return (
    <form noValidate onSubmit={handleSubmit} aria-label="Record appeal" className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id="appeal-change" label="Decrease appealed" className="sm:col-span-3">
          <Select id="appeal-change" value={selectedId} onChange={(e) => setChangeId(e.target.value)}>
            {decreases.map((d) => (
              <option key={d.id} value={d.id}>
                {formatNtd(d.oldLimit)} → {formatNtd(d.newLimit)}, {d.status === "SCHEDULED" ? `scheduled for ${formatDate(d.effectiveDate)}` : `applied ${formatDate(d.appliedAt ?? d.effectiveDate)}`}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="appeal-channel" label="Channel">
          <Select id="appeal-channel" value={channel} onChange={(e) => setChannel(e.target.value as AppealChannel)}>
            {APPEAL_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {CHANNEL_LABEL[c]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="appeal-received" label="Received on">
          <Input
            id="appeal-received"
            type="date"
            max={today()}
            value={received}
            onChange={(e) => setReceived(e.target.value)}
            aria-invalid={errors.receivedAt ? true : undefined}
            aria-describedby={errors.receivedAt ? "appeal-received-error" : undefined}
          />
          {errors.receivedAt ? (
            <p id="appeal-received-error" className="mt-1 text-xs font-medium text-red-700">
              {errors.receivedAt}
            </p>
          ) : null}
        </Field>
      </div>
      <div>
        <label htmlFor="appeal-text" className="mb-1 block text-xs font-medium text-slate-700">
          What the borrower said
        </label>
        <textarea
          id="appeal-text"
          rows={3}
          maxLength={TEXT_MAX}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={errors.text ? true : undefined}
          aria-describedby={["appeal-text-count", errors.text ? "appeal-text-error" : ""].filter(Boolean).join(" ")}
          className={cn(controlClass, errors.text && "border-red-700")}
        />
        <p id="appeal-text-count" className="mt-0.5 text-right text-xs text-slate-600 tabular-nums">
          {formatInt(text.trim().length)} / {formatInt(TEXT_MAX)} characters
        </p>
        {errors.text ? (
          <p id="appeal-text-error" className="mt-1 text-xs font-medium text-red-700">
            {errors.text}
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? "Recording…" : "Record appeal"}
        </Button>
        <div aria-live="polite" className="text-sm">
          {formError ? <p className="font-medium text-red-800">{formError}</p> : null}
          {done ? <p className="text-green-900">{done}</p> : null}
        </div>
      </div>
    </form>
  );
}
