import Link from "next/link";
import { ApiRequestError } from "@/lib/fetch-json";

/** The API's own words for a failed request (e.g. a 400 naming the bad filter), plus field issues. */
export function ListError({ error }: { error: Error }) {
  const apiError = error instanceof ApiRequestError ? error : null;
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
      <p className="font-semibold">{apiError ? apiError.message : "Could not load borrowers. Check your connection and try again."}</p>
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
          <Link href="/login?callbackUrl=/borrowers" className="underline">
            Sign in again
          </Link>
        </p>
      ) : null}
    </div>
  );
}
