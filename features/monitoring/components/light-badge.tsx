import { Badge } from "@/components/badge";
import type { Light } from "../psi";

const STYLE: Record<Light, [string, string]> = {
  green: ["Stable", "bg-green-50 text-green-800 ring-green-600/30"],
  amber: ["Amber", "bg-amber-50 text-amber-900 ring-amber-600/40"],
  red: ["Red", "bg-red-50 text-red-800 ring-red-600/30"],
  "too-few": ["Too few to judge", "bg-slate-50 text-slate-700 ring-slate-500/30"],
};

/** Traffic light in words (never colour alone). */
export function LightBadge({ light }: { light: Light }) {
  const [text, cls] = STYLE[light];
  return <Badge className={cls}>{text}</Badge>;
}
