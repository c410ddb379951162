/**
 * Score scaling: score = offset + factor * ln(good:bad odds), factor = PDO / ln 2, so every PDO
 * points doubles the odds and `baseScore` sits at `baseOdds`. Chosen: 650 at 4:1 (PD 20 %, about
 * the portfolio's default rate) and PDO 75, which puts even odds (PD 50 %) at exactly 500 and
 * spreads this portfolio's scores over roughly 350-775 without clamping anyone in September.
 * The score is clamped to [350, 950] and the PD is derived from the (integer) score, so one score
 * always means one PD.
 */
export type Scaling = { baseScore: number; baseOdds: number; pdo: number; factor: number; offset: number; min: 350; max: 950 };

export const SCORE_MIN = 350;
export const SCORE_MAX = 950;

export function makeScaling(baseScore = 650, baseOdds = 4, pdo = 75): Scaling {
  const factor = pdo / Math.LN2;
  const offset = baseScore - factor * Math.log(baseOdds);
  return { baseScore, baseOdds, pdo, factor, offset, min: SCORE_MIN, max: SCORE_MAX };
}

export const clampScore = (s: number, sc: Pick<Scaling, "min" | "max">) => Math.min(sc.max, Math.max(sc.min, s));

/** Unrounded, unclamped score for given good:bad log-odds. */
export const scoreFromLogOdds = (logOdds: number, sc: Pick<Scaling, "factor" | "offset">) => sc.offset + sc.factor * logOdds;

/** Probability of default implied by a score: odds = exp((score - offset) / factor), PD = 1 / (1 + odds). */
export function pdFromScore(score: number, sc: Pick<Scaling, "factor" | "offset">): number {
  const odds = Math.exp((score - sc.offset) / sc.factor);
  return 1 / (1 + odds);
}
