import Link from "next/link";
import { ApiRequestError } from "@/lib/http-client";

/** The API's own words for a failed load (a 400 names the bad filter), with field issues. */
export function ApiErrorNotice({ error, fallback, returnTo }: { error: Error; fallback: string; returnTo: string }) {
  const apiError = error instanceof ApiRequestError ? error : null;
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
      <p className="font-semibold">{apiError ? apiError.message : fallback}</p>
      {apiError?.issues.length ? (
        <ul className="mt-1 list-disc pl-5">
          {apiError.issues.map((i) => (
            <li key={`${i.field}:${i.message}`}>
              <code className="font-mono">{i.field}</code>: {i.message}
            </li>
          ))}
        </ul>
      ) : null}
      {apiError?.status === 401 ? (
        <p className="mt-1">
          <Link href={`/login?callbackUrl=${encodeURIComponent(returnTo)}`} className="underline">
            Sign in again
          </Link>
        </p>
      ) : null}
    </div>
  );
}
