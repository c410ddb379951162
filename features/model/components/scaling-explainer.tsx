import { RowTh, Table, Td, Th } from "@/components/table";
import type { ScoreModel } from "@/features/scoring/model-types";
import { pdFromScore } from "@/features/scoring/scaling";
import { formatInt, formatPd } from "@/lib/format";

/** The score scale in words, with a few score → odds → PD anchors. */
export function ScalingExplainer({ model }: { model: ScoreModel }) {
  const { baseScore, baseOdds, pdo, min, max } = model.scaling;
  const anchors = [-2, -1, 0, 1, 2].map((k) => baseScore + k * pdo).filter((s) => s >= min && s <= max);
  return (
    <div className="space-y-3 text-sm text-slate-800">
      <p>
        A score of <strong>{baseScore}</strong> means good:bad odds of <strong>{baseOdds}:1</strong> (PD {formatPd(1 / (1 + baseOdds))}).
        Every <strong>{pdo} points</strong> doubles the odds (PDO). Higher scores are safer.
      </p>
      <p>
        Score = {formatInt(model.basePoints)} base points + the points of the borrower&apos;s bin in each characteristic, kept
        within {min}–{max}. The PD shown for a borrower follows from the score alone.
      </p>
      <Table className="max-w-sm">
        <caption className="sr-only">Score, odds and probability of default</caption>
        <thead>
          <tr>
            <Th>Score</Th>
            <Th numeric>Good:bad odds</Th>
            <Th numeric>PD</Th>
          </tr>
        </thead>
        <tbody>
          {anchors.map((s) => {
            const pd = pdFromScore(s, model.scaling);
            return (
              <tr key={s}>
                <RowTh>{s}</RowTh>
                <Td numeric>{`${Number(((1 - pd) / pd).toFixed(2))}:1`}</Td>
                <Td numeric>{formatPd(pd)}</Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </div>
  );
}
