import type { Metadata } from "next";
import type { ReactNode } from "react";
// Self-hosted variable Inter (no network at build or run time).
import "@fontsource-variable/inter";
import "./globals.css";
import { Providers } from "./providers";

// Every page is rendered per request: the CSP nonce (proxy.ts) must be put on its scripts, which a
// page pre-rendered at build time could not have.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Limit Desk", template: "%s · Limit Desk" },
  description: "Credit-risk dashboard: scores, tiers and limits of the card portfolio.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
