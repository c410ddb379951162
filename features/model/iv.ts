// How practitioners read a characteristic's information value (Siddiqi, "Credit Risk Scorecards"):
// below 0.02 it does not predict, up to 0.1 weakly, up to 0.3 medium, up to 0.5 strongly, and
// above 0.5 it is too good to be true until shown otherwise (the usual cause is leakage: a
// variable that already contains the outcome).

export type IvBand = {
  key: "none" | "weak" | "medium" | "strong" | "suspicious";
  /** Lower bound (inclusive); the band runs to the next band's lower bound. */
  from: number;
  /** Short label, e.g. for a bar. */
  label: string;
  /** The reading in full, e.g. for a table or legend. */
  reading: string;
  /** Bar colour: blues for usable bands, grey for none, amber for "check for leakage". */
  color: string;
};

export const IV_BANDS: readonly IvBand[] = [
  { key: "none", from: 0, label: "Not predictive", reading: "Not predictive", color: "#94a3b8" },
  { key: "weak", from: 0.02, label: "Weak", reading: "Weak", color: "#93c5fd" },
  { key: "medium", from: 0.1, label: "Medium", reading: "Medium", color: "#3b82f6" },
  { key: "strong", from: 0.3, label: "Strong", reading: "Strong", color: "#1d4ed8" },
  { key: "suspicious", from: 0.5, label: "Suspicious", reading: "Suspiciously strong — check for leakage", color: "#b45309" },
];

export function ivBand(iv: number): IvBand {
  let band = IV_BANDS[0];
  for (const b of IV_BANDS) if (iv >= b.from) band = b;
  return band;
}

/** The band's full reading, e.g. "Medium" or "Suspiciously strong — check for leakage". */
export function ivStrength(iv: number): string {
  return ivBand(iv).reading;
}

/** "< 0.02", "0.02–0.1", …, "> 0.5": the band's range as written in the legend. */
export function ivRange(band: IvBand): string {
  const i = IV_BANDS.indexOf(band);
  const next = IV_BANDS[i + 1];
  if (i === 0) return `< ${next.from}`;
  return next ? `${band.from}–${next.from}` : `> ${band.from}`;
}
