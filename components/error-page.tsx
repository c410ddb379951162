import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClasses } from "./button";

/**
 * Body of the 403/404 pages. `standalone` pages render outside the app shell and need their own
 * <main>; inside the shell the layout already provides it (only one main landmark per page).
 */
export function ErrorPage({ code, title, children, standalone }: { code: number; title: string; children: ReactNode; standalone?: boolean }) {
  const Root = standalone ? "main" : "div";
  return (
    <Root id={standalone ? "main" : undefined} className="mx-auto flex min-h-[50vh] max-w-lg flex-col items-start justify-center gap-3 px-6">
      <p className="text-sm font-semibold text-slate-600">Error {code}</p>
      <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
      <p className="text-sm text-slate-700">{children}</p>
      <Link href="/" className={buttonClasses("primary")}>
        Go to the overview
      </Link>
    </Root>
  );
}

export const FORBIDDEN_TEXT = "Your role does not include the permission this page needs. Ask an administrator if you think it should.";
export const NOT_FOUND_TEXT = "There is nothing at this address. The borrower or page may not exist.";
