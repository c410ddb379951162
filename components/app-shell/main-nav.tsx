"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "../cn";

const LINKS = [
  { href: "/", label: "Overview" },
  { href: "/borrowers", label: "Borrowers" },
  { href: "/model", label: "Model" },
  { href: "/policies", label: "Policies" },
] as const;

const isActive = (pathname: string, href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));

export function MainNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main">
      <ul className="flex items-center gap-1">
        {LINKS.map((link) => {
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
