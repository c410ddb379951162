import type { ReactNode } from "react";
import { cn } from "./cn";

type CardProps = {
  /** Heading text; rendered as h2 unless `level` says otherwise (keeps heading order valid). */
  title?: ReactNode;
  level?: 2 | 3;
  description?: ReactNode;
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
  /** id of the heading, for aria-labelledby on the content. */
  headingId?: string;
};

export function Card({ title, level = 2, description, actions, className, children, headingId }: CardProps) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section
      className={cn("rounded-lg border border-slate-200 bg-white shadow-xs", className)}
      aria-labelledby={title ? headingId : undefined}
    >
      {title ? (
        <header className="flex flex-wrap items-start justify-between gap-2 border-b border-slate-100 px-4 py-3">
          <div>
            <Heading id={headingId} className="text-sm font-semibold text-slate-900">
              {title}
            </Heading>
            {description ? <p className="mt-0.5 text-xs text-slate-600">{description}</p> : null}
          </div>
          {actions}
        </header>
      ) : null}
      <div className="p-4">{children}</div>
    </section>
  );
}
