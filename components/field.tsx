import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

export const controlClass =
  "block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 shadow-xs " +
  "placeholder:text-slate-500 focus:border-blue-700 focus:outline-2 focus:outline-blue-700/30";

/** Label above its control; `htmlFor` ties them together. */
export function Field({ id, label, children, className }: { id: string; label: ReactNode; children: ReactNode; className?: string }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-700">
        {label}
      </label>
      {children}
    </div>
  );
}

export function Input({ className, ...rest }: ComponentProps<"input">) {
  return <input className={cn(controlClass, className)} {...rest} />;
}

export function Select({ className, ...rest }: ComponentProps<"select">) {
  return <select className={cn(controlClass, "pr-7", className)} {...rest} />;
}
