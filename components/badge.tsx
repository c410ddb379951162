import type { ReactNode } from "react";
import { cn } from "./cn";

/** Small inline label; callers pass colour classes (dark text on a light tint). */
export function Badge({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <span
      className={cn(
        "inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        className ?? "bg-slate-50 text-slate-700 ring-slate-500/30",
      )}
    >
      {children}
    </span>
  );
}
