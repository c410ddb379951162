// A compact before → after view of an audit event: only the fields that changed, each on one line.
type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);

function short(v: Json): string {
  if (v === null || v === undefined) return "∅";
  if (typeof v === "string") return v.length > 40 ? `${v.slice(0, 39)}…` : v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  const s = JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

export type DiffLine = { key: string; before?: Json; after?: Json; kind: "changed" | "added" | "removed" };

export function diffLines(before: Json, after: Json): DiffLine[] {
  if (!isObject(before) && !isObject(after)) {
    if (JSON.stringify(before) === JSON.stringify(after)) return [];
    return [{ key: "value", before, after, kind: before == null ? "added" : after == null ? "removed" : "changed" }];
  }
  const b = isObject(before) ? before : {};
  const a = isObject(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.flatMap((key): DiffLine[] => {
    const inB = key in b;
    const inA = key in a;
    if (inB && inA && JSON.stringify(b[key]) === JSON.stringify(a[key])) return [];
    return [{ key, before: b[key], after: a[key], kind: !inB ? "added" : !inA ? "removed" : "changed" }];
  });
}

const MAX_LINES = 4;

export function AuditDiff({ before, after }: { before: Json; after: Json }) {
  const lines = diffLines(before, after);
  if (!lines.length) return <span className="text-slate-500">—</span>;
  const shown = lines.slice(0, MAX_LINES);
  return (
    <div className="max-w-md text-xs leading-snug whitespace-normal">
      <ul className="space-y-0.5">
        {shown.map((l) => (
          <li key={l.key} className="font-mono wrap-anywhere">
            <span className="text-slate-600">{l.key}: </span>
            {l.kind === "added" ? (
              <span className="text-slate-900">{short(l.after)}</span>
            ) : l.kind === "removed" ? (
              <span className="text-slate-700 line-through">{short(l.before)}</span>
            ) : (
              <>
                <span className="text-slate-700">{short(l.before)}</span>
                <span aria-hidden="true"> → </span>
                <span className="sr-only"> changed to </span>
                <span className="font-semibold text-slate-900">{short(l.after)}</span>
              </>
            )}
          </li>
        ))}
      </ul>
      {lines.length > MAX_LINES || lines.some((l) => short(l.after).endsWith("…") || short(l.before).endsWith("…")) ? (
        <details className="mt-1">
          <summary className="cursor-pointer text-blue-800">
            {lines.length > MAX_LINES ? `${lines.length - MAX_LINES} more field${lines.length - MAX_LINES === 1 ? "" : "s"}; full record` : "Full record"}
          </summary>
          <div className="mt-1 grid gap-1 sm:grid-cols-2">
            <div>
              <p className="font-semibold text-slate-700">Before</p>
              <pre tabIndex={0} className="max-h-48 overflow-auto rounded bg-slate-50 p-1.5 text-[11px] text-slate-800">{JSON.stringify(before, null, 2) ?? "null"}</pre>
            </div>
            <div>
              <p className="font-semibold text-slate-700">After</p>
              <pre tabIndex={0} className="max-h-48 overflow-auto rounded bg-slate-50 p-1.5 text-[11px] text-slate-800">{JSON.stringify(after, null, 2) ?? "null"}</pre>
            </div>
          </div>
        </details>
      ) : null}
    </div>
  );
}
