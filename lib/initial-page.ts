// A first page rendered with the HTML: the server runs the same read the API route runs and hands
// the result to the client component, so the first paint has rows (no loading flash, no layout
// shift when they arrive, no second render) and react-query takes over from there.

/** The data of one API query string, as the API would have answered it, and when. */
export type InitialPage<T> = { query: string; data: T; fetchedAt: number } | null;

/** react-query options that seed the query only when it is the one the server rendered. */
export function seededFrom<T>(initial: InitialPage<T>, query: string) {
  const seeded = initial && initial.query === query ? initial : null;
  return { initialData: seeded?.data, initialDataUpdatedAt: seeded?.fetchedAt };
}

/**
 * Runs a page read on the server for `query`; null when it fails (the client then asks the API,
 * which answers with its own 4xx). The JSON round trip gives exactly the API's shape (dates as text);
 * T is the client's type of that JSON, as in fetchJson<T>.
 */
export async function loadInitialPage<T>(query: string, read: () => Promise<unknown>): Promise<InitialPage<T>> {
  try {
    const fetchedAt = Date.now();
    return { query, data: JSON.parse(JSON.stringify(await read())) as T, fetchedAt };
  } catch {
    return null;
  }
}
