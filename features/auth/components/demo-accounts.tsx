import { DEMO_USERS } from "@/features/users/demo-users";

/** The seeded accounts and their shared password; hidden with LIMITDESK_DEMO=0. */
export function DemoAccounts() {
  return (
    <section aria-labelledby="demo-accounts" className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm">
      <h2 id="demo-accounts" className="font-semibold text-amber-950">
        Demo accounts
      </h2>
      <p className="mt-1 text-amber-950">
        {/* A custom DEMO_PASSWORD is not printed: whoever set it knows it. */}
        Password for all:{" "}
        {process.env.DEMO_PASSWORD ? "the DEMO_PASSWORD value" : <code className="rounded bg-white px-1 font-mono">limitdesk-demo</code>}
      </p>
      <ul className="mt-2 space-y-0.5 text-amber-950">
        {DEMO_USERS.map((u) => (
          <li key={u.email} className="flex justify-between gap-3">
            <code className="font-mono text-xs leading-5">{u.email}</code>
            <span className="text-xs leading-5">{u.role.charAt(0) + u.role.slice(1).toLowerCase()}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
