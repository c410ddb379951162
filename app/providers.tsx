"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";

export function Providers({ children }: { children: ReactNode }) {
  // One client per browser tab (useState keeps it across re-renders, never shared between users).
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            // Scores change only when a new month is imported: 30 s avoids refetching on every
            // back/forward while still picking up changes soon.
            staleTime: 30_000,
            refetchOnWindowFocus: false,
            // 4xx answers (bad filter, no session) will not change on retry.
            retry: (count, error) => {
              const status = (error as { status?: number }).status ?? 0;
              return count < 2 && !(status >= 400 && status < 500);
            },
          },
        },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
