import { RowTh, Table, TableShell, Td, Th } from "@/components/table";
import type { ScoreModel, Validation } from "@/features/scoring/model-types";
import { formatMetric, formatPct } from "@/lib/format";

const ms = (x: { mean: number; sd: number }) => `${formatMetric(x.mean)} ± ${formatMetric(x.sd)}`;

/** Champion vs challenger vs champion-with-limit: CV mean ± sd beside the fixed holdout. */
export function ValidationTable({ model, validation: v }: { model: ScoreModel; validation: Validation }) {
  const rows = [
    {
      name: `Champion (${model.characteristics.length} characteristics)`,
      cv: v.cv,
      holdout: model.holdout,
      cal: v.reliability.holdout,
      cvCal: v.cv.calibration,
    },
    ...v.challengers.map((c) => ({
      name: `Challenger: ${c.name} (${c.characteristics})`,
      cv: c.cv,
      holdout: c.holdout,
      cal: c.reliability,
      cvCal: c.cv.calibration,
    })),
    { name: "Champion + credit limit (not used)", cv: v.creditLimitEffect.withLimit.cv, holdout: v.creditLimitEffect.withLimit.holdout, cal: null, cvCal: null },
  ];
  return (
    <div className="space-y-2">
      <TableShell label="Validation">
        <Table>
          <caption className="sr-only">Cross-validated and holdout discrimination and calibration</caption>
          <thead>
            <tr>
              <Th>Model</Th>
              <Th numeric>CV AUC</Th>
              <Th numeric>CV KS</Th>
              <Th numeric>Holdout AUC</Th>
              <Th numeric>Holdout KS</Th>
              <Th numeric>CV PD error mean / worst</Th>
              <Th numeric>Holdout PD error mean / worst</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name}>
                <RowTh className="font-normal">{r.name}</RowTh>
                <Td numeric>{ms(r.cv.auc)}</Td>
                <Td numeric>{ms(r.cv.ks)}</Td>
                <Td numeric>{formatMetric(r.holdout.auc)}</Td>
                <Td numeric>{formatMetric(r.holdout.ks)}</Td>
                <Td numeric>{r.cvCal ? `${formatPct(r.cvCal.meanAbsError.mean)} / ${formatPct(r.cvCal.worstAbsError.mean)}` : "—"}</Td>
                <Td numeric>{r.cal ? `${formatPct(r.cal.meanAbsError)} / ${formatPct(r.cal.worstAbsError)}` : "—"}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </TableShell>
      <p className="text-xs text-slate-600">
        CV: {v.cv.repeats} × {v.cv.folds}-fold stratified (seed {v.cv.seed}) over {v.cv.n.toLocaleString("en-US")} borrowers, every fold
        binned, selected and fitted on its training folds only. Holdout: IDs 24,001–30,000, never used to choose anything.{" "}
        {v.challengers.map((c) => `${c.name}: ${c.description}.`).join(" ")}
      </p>
    </div>
  );
}
