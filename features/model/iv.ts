/** Usual rule-of-thumb reading of information value (Siddiqi). */
export function ivStrength(iv: number): string {
  if (iv < 0.02) return "Not predictive";
  if (iv < 0.1) return "Weak";
  if (iv < 0.3) return "Medium";
  if (iv < 0.5) return "Strong";
  return "Very strong";
}
