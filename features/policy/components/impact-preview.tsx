"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";
import { Card } from "@/components/card";
import { cn } from "@/components/cn";
import type { PolicyConfig } from "@/features/policy/schema";
import type { PolicyPreview } from "@/features/policy/preview/types";
import { formatInt, formatMonthLong } from "@/lib/format";
import { errorMessage } from "@/lib/http-client";
import { policyApi } from "./api";
import { BacktestTable } from "./backtest-table";
import { SideBySideTable } from "./side-by-side-table";
import { ExposureLossChart } from "./exposure-loss-chart";
import { FairnessChart } from "./fairness-chart";
import { MigrationMatrix } from "./migration-matrix";
import { TierCompareChart } from "./tier-compare-chart";

export const PREVIEW_DEBOUNCE_MS = 250;

type Props = {
  /** The valid config to preview, or null while the form has errors (the last valid one stays). */
  config: PolicyConfig | null;
  /** Stable text of `config` (the query key). */
  configKey: string | null;
  /** The ACTIVE version the preview compares with (part of the key: a new one means new "before"). */
  activeId: string | null;
  activeVersion: number | null;
  initial: { configKey: string; data: PolicyPreview; fetchedAt: number } | null;
};

/**
 * Live impact of the settings against the ACTIVE policy. The request waits until typing pauses
 * (debounce) and only valid configs are sent; the previous result stays on screen until the next
 * arrives, in cards of fixed height, with a quiet "Updating…" note meanwhile.
 */
export function ImpactPreview({ config, configKey, activeId, activeVersion, initial }: Props) {
  const [sent, setSent] = useState<{ key: string; config: PolicyConfig } | null>(
    config && configKey ? { key: configKey, config } : null,
  );
  useEffect(() => {
    if (!config || !configKey) return;
    const timer = setTimeout(() => setSent((prev) => (prev?.key === configKey ? prev : { key: configKey, config })), PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [config, configKey]);

  const seeded = initial && sent && initial.configKey === sent.key ? initial : null;
  const query = useQuery({
    queryKey: ["policy-preview", activeId, sent?.key],
    queryFn: ({ signal }) => (sent ? policyApi.preview(sent.config, signal) : Promise.reject(new Error("nothing to preview"))),
    enabled: Boolean(sent && activeId),
    placeholderData: keepPreviousData,
    initialData: seeded?.data,
    initialDataUpdatedAt: seeded?.fetchedAt,
  });

  const preview = query.data;
  const waiting = Boolean(configKey && configKey !== sent?.key);
  const updating = waiting || query.isFetching;

  if (!activeId) {
    return (
      <p className="rounded-md border border-slate-200 bg-white px-4 py-3 text-sm text-slate-700">
        There is no active policy to compare with, so no impact preview is available.
      </p>
    );
  }

  return (
    <section aria-labelledby="impact-heading" aria-busy={updating} className="space-y-4" data-preview-key={sent?.key ?? ""}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 id="impact-heading" className="text-base font-semibold text-slate-900">
            Impact preview
          </h3>
          <p className="text-xs text-slate-600">
            These settings compared with the active policy{activeVersion ? ` (v${activeVersion})` : ""}
            {preview ? `, on ${formatInt(preview.n)} borrowers scored in ${formatMonthLong(preview.month)}` : ""}.
          </p>
        </div>
        <p role="status" className="flex h-5 items-center gap-1.5 text-xs text-slate-600">
          {updating ? (
            <>
              <span aria-hidden="true" className="size-2 animate-pulse rounded-full bg-blue-600" />
              Updating…
            </>
          ) : !config ? (
            "Showing the last valid settings: fix the marked fields to update."
          ) : null}
        </p>
      </div>
      {query.isError && !preview ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
          Could not compute the preview: {errorMessage(query.error)}
        </p>
      ) : null}
      {query.isError && preview ? (
        <p role="alert" className="text-xs text-red-800">
          The latest preview failed ({errorMessage(query.error)}); showing the previous result.
        </p>
      ) : null}
      <div className={cn("grid gap-4 xl:grid-cols-2 transition-opacity", updating && preview && "opacity-80")}>
        <PreviewCard
          title="Active policy and these settings side by side"
          description="Both run on the same borrowers: backtest, utilisation shock, expected loss, available credit and fairness, with the difference"
          className="xl:col-span-2"
          minH="min-h-[26rem]"
        >
          {preview ? <SideBySideTable preview={preview} /> : <Placeholder />}
        </PreviewCard>
        <PreviewCard title="Tiers before and after" minH="min-h-[22rem]">
          {preview ? <TierCompareChart tiers={preview.tiers} /> : <Placeholder />}
        </PreviewCard>
        <PreviewCard title="Tier migration" description="Rows: tier under the active policy; columns: tier under these settings" minH="min-h-[22rem]">
          {preview ? <MigrationMatrix migration={preview.migration} /> : <Placeholder />}
        </PreviewCard>
        <PreviewCard title="Exposure and expected loss" description="Before: current limits; after: the limits these settings propose. Expected loss = PD × LGD × EAD" minH="min-h-[24rem]">
          {preview ? <ExposureLossChart preview={preview} /> : <Placeholder />}
        </PreviewCard>
        <PreviewCard title="Fairness" description="Adverse impact ratio of not being cut, per group" minH="min-h-[24rem]">
          {preview ? <FairnessChart fairness={preview.fairness} /> : <Placeholder />}
        </PreviewCard>
        <PreviewCard title="Backtest and limit changes" className="xl:col-span-2" minH="min-h-[12rem]">
          {preview ? <BacktestTable preview={preview} /> : <Placeholder />}
        </PreviewCard>
      </div>
    </section>
  );
}

function PreviewCard({ title, description, className, minH, children }: { title: string; description?: string; className?: string; minH: string; children: ReactNode }) {
  const id = `preview-${title.toLowerCase().replace(/[^a-z]+/g, "-")}`;
  return (
    <Card title={title} level={3} headingId={id} description={description} className={cn(minH, className)}>
      {children}
    </Card>
  );
}

function Placeholder() {
  return <div className="h-48 animate-pulse rounded-md bg-slate-100" aria-hidden="true" />;
}
