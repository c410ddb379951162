/**
 * Adverse impact of cuts: per sex and per age band, the share of borrowers NOT cut, divided by the
 * best group's share for that attribute (four-fifths rule). Empty groups are left out; when every
 * group of an attribute has rate 0 nobody is favoured, so air = 1.
 */
import { AGE_BANDS } from "./columns";
import { AIR_THRESHOLD, type FairnessGroup } from "./types";

type Counts = ArrayLike<number>;

const SEX_LABELS: Array<[code: number, label: string]> = [[1, "Male"], [2, "Female"]];

function attributeGroups(
  attribute: FairnessGroup["attribute"],
  labels: Array<[code: number, label: string]>,
  n: Counts,
  cut: Counts,
): FairnessGroup[] {
  const present = labels.filter(([code]) => n[code] > 0);
  const rates = present.map(([code]) => (n[code] - cut[code]) / n[code]);
  const best = Math.max(0, ...rates);
  return present.map(([code, group], k) => {
    const air = best === 0 ? 1 : rates[k] / best;
    return { attribute, group, n: n[code], notCut: n[code] - cut[code], rate: rates[k], air, flagged: air < AIR_THRESHOLD };
  });
}

export function fairnessGroups(bySex: Counts, cutBySex: Counts, byAgeBand: Counts, cutByAgeBand: Counts): FairnessGroup[] {
  const ageLabels = AGE_BANDS.map((label, band): [number, string] => [band, label]);
  return [
    ...attributeGroups("sex", SEX_LABELS, bySex, cutBySex),
    ...attributeGroups("age", ageLabels, byAgeBand, cutByAgeBand),
  ];
}
