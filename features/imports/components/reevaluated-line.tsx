import Link from "next/link";
import { latestReevaluation } from "@/features/imports/data";
import { formatMonthLong } from "@/lib/format";

/** The overview's one line about the latest imported month: "September 2005 re-evaluated: n riskier, m safer". */
export async function ReevaluatedLine() {
  const r = await latestReevaluation();
  if (!r) return null;
  const n = (x: number) => x.toLocaleString("en-US");
  return (
    <p className="text-sm text-slate-800">
      <strong>{formatMonthLong(r.month)} re-evaluated:</strong>{" "}
      <Link className="text-blue-800 underline" href="/borrowers?changed=up">{n(r.riskier)} riskier</Link>,{" "}
      <Link className="text-blue-800 underline" href="/borrowers?changed=down">{n(r.safer)} safer</Link>
    </p>
  );
}
