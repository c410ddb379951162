"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { can, type Permission } from "@/features/auth/permissions";
import { cn } from "../cn";

// Each link names the permission its page needs: a role sees only the pages it may open.
const LINKS: ReadonlyArray<{ href: string; label: string; permission?: Permission }> = [
  { href: "/", label: "Overview" },
  { href: "/borrowers", label: "Borrowers" },
  { href: "/inbox", label: "Inbox", permission: "portfolio:read" },
  { href: "/limit-changes", label: "Limit changes", permission: "limitchanges:read" },
  { href: "/overrides", label: "Overrides", permission: "portfolio:read" },
  { href: "/model", label: "Model" },
  { href: "/policies", label: "Policies" },
  { href: "/audit", label: "Audit", permission: "audit:read" },
  { href: "/imports", label: "Imports", permission: "data:import" },
  { href: "/admin/tokens", label: "Tokens", permission: "users:manage" },
];

const isActive = (pathname: string, href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));

export function MainNav({ role }: { role?: string }) {
  const pathname = usePathname();
  const links = LINKS.filter((link) => !link.permission || can(role, link.permission));
  return (
    <nav aria-label="Main">
      <ul className="flex flex-wrap items-center gap-1">
        {links.map((link) => {
          const active = isActive(pathname, link.href);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white",
                  active ? "bg-slate-700 text-white" : "text-slate-200 hover:bg-slate-800 hover:text-white",
                )}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
