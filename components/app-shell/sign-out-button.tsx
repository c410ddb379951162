"use client";

import { useQueryClient } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";

export function SignOutButton() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  async function handleClick() {
    setPending(true);
    // redirect:false: next-auth's own redirect URL depends on NEXTAUTH_URL, which may name another
    // host or port. Dropping the query cache keeps this user's data from the next user of the tab.
    await signOut({ redirect: false });
    queryClient.clear();
    router.replace("/login");
    router.refresh();
  }
  return (
    <button
      type="button"
      onClick={handleClick}
      disabled={pending}
      className="rounded-md px-2.5 py-1.5 text-sm font-medium text-slate-200 ring-1 ring-inset ring-slate-600 hover:bg-slate-800 hover:text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white disabled:opacity-70"
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
