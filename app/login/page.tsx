import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor } from "@/features/auth/session";
import { safeCallbackUrl } from "@/features/auth/safe-callback";
import { LoginForm } from "@/features/auth/components/login-form";
import { DemoAccounts } from "@/features/auth/components/demo-accounts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getActor()) redirect(callbackUrl);
  // Read on the server: the flag must not be baked into the client bundle. It only hides the
  // list of seeded accounts; it has nothing to do with the session secret any more.
  const demo = process.env.LIMITDESK_DEMO !== "0";
  // next-auth sends its own failures here as ?error=…; show them like a failed sign-in.
  const initialError = params.error ? "Sign-in failed. Please try again." : null;

  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm space-y-6">
        <div>
          <p className="text-sm font-semibold text-blue-800">Limit Desk</p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">Sign in</h1>
          <p className="mt-1 text-sm text-slate-600">Credit-risk dashboard for the card portfolio.</p>
        </div>
        <LoginForm callbackUrl={callbackUrl} initialError={initialError} />
        {demo ? <DemoAccounts /> : null}
      </div>
    </main>
  );
}
