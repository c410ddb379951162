import { cn } from "@/components/cn";
import { TierBadge } from "@/components/tier-badge";
import { TIER_LABEL, TIER_ORDER } from "@/features/policy/tier-display";
import { formatInt, formatPct } from "@/lib/format";

// Sequential blues; dark text on the light steps and white text on the dark ones (≥ 4.5:1 both).
const STEPS = [
  "bg-white text-slate-700",
  "bg-blue-50 text-slate-900",
  "bg-blue-100 text-slate-900",
  "bg-blue-200 text-slate-900",
  "bg-blue-300 text-slate-900",
  "bg-blue-600 text-white",
  "bg-blue-800 text-white",
];

function stepFor(count: number, max: number): string {
  if (count === 0 || max === 0) return STEPS[0];
  const ratio = count / max;
  const i = ratio < 0.05 ? 1 : ratio < 0.15 ? 2 : ratio < 0.3 ? 3 : ratio < 0.5 ? 4 : ratio < 0.8 ? 5 : 6;
  return STEPS[i];
}

/** 3×3 tier migration as a heat-map table: rows = tier before, columns = tier after. */
export function MigrationMatrix({ migration }: { migration: number[][] }) {
  const max = Math.max(0, ...migration.flat());
  const total = migration.flat().reduce((s, v) => s + v, 0) || 1;
  const moved = migration.reduce((s, row, i) => s + row.reduce((r, v, j) => r + (i === j ? 0 : v), 0), 0);
  return (
    <div>
      <table className="w-full table-fixed border-separate border-spacing-1 text-sm tabular-nums">
        <caption className="sr-only">Tier migration: rows are the tier before (active policy), columns the tier after (this version)</caption>
        <thead>
          <tr>
            <td className="w-24 text-xs text-slate-600 sm:w-28">
              <span aria-hidden="true" className="hidden sm:inline">
                Before ↓ · After →
              </span>
            </td>
            {TIER_ORDER.map((t) => (
              <th key={t} scope="col" className="pb-1 text-center text-xs font-semibold text-slate-700">
                <span className="sr-only">After: </span>
                <TierBadge tier={t} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {TIER_ORDER.map((from, i) => (
            <tr key={from}>
              <th scope="row" className="pr-1 text-left text-xs font-semibold text-slate-700">
                <span className="sr-only">Before: </span>
                <TierBadge tier={from} />
              </th>
              {TIER_ORDER.map((to, j) => {
                const count = migration[i]?.[j] ?? 0;
                return (
                  <td
                    key={to}
                    className={cn("h-14 rounded-md text-center ring-1 ring-slate-200 ring-inset", stepFor(count, max), i === j && "font-semibold")}
                    title={`${TIER_LABEL[from]} → ${TIER_LABEL[to]}: ${formatInt(count)}`}
                  >
                    <span className="block text-base">{formatInt(count)}</span>
                    <span className="block text-xs">{formatPct(count / total)}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-slate-600">
        {moved === 0 ? "No borrower changes tier." : `${formatInt(moved)} borrowers (${formatPct(moved / total)}) change tier; the diagonal keeps its tier.`}
      </p>
    </div>
  );
}
