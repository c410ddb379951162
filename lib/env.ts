// Start-up configuration shared by the start script, instrumentation and next-auth.
export { authSecret, DEMO_AUTH_SECRET } from "./auth-secret";

export function demoPassword(): string {
  return process.env.DEMO_PASSWORD ?? "limitdesk-demo";
}

/** The public URL (NEXTAUTH_URL) is https: HSTS is sent and the session cookie is `Secure`. */
export function publicUrlIsHttps(): boolean {
  return (process.env.NEXTAUTH_URL ?? "").toLowerCase().startsWith("https://");
}
