import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getActor } from "@/features/auth/session";
import { MainNav } from "@/components/app-shell/main-nav";
import { RoleBadge } from "@/components/app-shell/role-badge";
import { SignOutButton } from "@/components/app-shell/sign-out-button";

export const dynamic = "force-dynamic";

// The signed-in shell. Each page still checks its own permission (layouts and pages render
// independently, so the layout's check alone would not protect a page).
export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  if (!actor) redirect("/login");
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium text-blue-800 focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <header className="bg-slate-900 text-white">
        <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2.5 sm:px-6">
          <Link href="/" className="text-base font-semibold tracking-tight text-white focus-visible:outline-2 focus-visible:outline-white">
            Limit Desk
          </Link>
          <MainNav role={actor.role} />
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span className="text-slate-100">{actor.name}</span>
            <RoleBadge role={actor.role} />
            <SignOutButton />
          </div>
        </div>
      </header>
      {/* min-w-0 on grid items: a wide table scrolls inside its region instead of widening the page at 390 px. */}
      <main id="main" tabIndex={-1} className="mx-auto w-full min-w-0 max-w-screen-2xl flex-1 px-4 py-6 focus:outline-none sm:px-6 [&_.grid>*]:min-w-0 [&_section]:min-w-0">
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-white">
        <p className="mx-auto max-w-screen-2xl px-4 py-3 text-xs text-slate-600 sm:px-6">
          Data:{" "}
          <a
            href="https://archive.ics.uci.edu/dataset/350/default+of+credit+card+clients"
            className="text-slate-700 underline hover:text-slate-900"
          >
            UCI Default of Credit Card Clients
          </a>{" "}
          (Yeh &amp; Lien 2009), CC BY 4.0
        </p>
      </footer>
    </div>
  );
}
