import type { ButtonHTMLAttributes } from "react";
import { cn } from "./cn";

export type ButtonVariant = "primary" | "secondary" | "ghost";

// A disabled button must look disabled (issue 11 §6): grey fill and text, no hover change.
const VARIANTS: Record<ButtonVariant, string> = {
  primary: "bg-blue-700 text-white hover:bg-blue-800 disabled:bg-slate-300 disabled:text-slate-600",
  secondary: "bg-white text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:bg-slate-100 disabled:text-slate-500 disabled:ring-slate-200",
  ghost: "text-slate-700 hover:bg-slate-100 disabled:text-slate-500 disabled:hover:bg-transparent",
};

/** Classes for anything that should look like a button (also used on links). */
export function buttonClasses(variant: ButtonVariant = "secondary", className?: string) {
  return cn(
    "inline-flex items-center justify-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap",
    "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700",
    "disabled:cursor-not-allowed aria-disabled:cursor-not-allowed aria-disabled:opacity-60",
    VARIANTS[variant],
    className,
  );
}

type Props = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant };

export function Button({ variant = "secondary", className, type = "button", ...rest }: Props) {
  return <button type={type} className={buttonClasses(variant, className)} {...rest} />;
}
