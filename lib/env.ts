// Start-up configuration checks shared by the start script, instrumentation and next-auth.
export const DEMO_AUTH_SECRET = "limitdesk-demo-secret-do-not-use-in-production";

/**
 * The secret that signs session tokens. In production a real NEXTAUTH_SECRET is required;
 * only an explicit LIMITDESK_DEMO=1 (set by `npm start`) allows the published demo secret.
 */
export function authSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET;
  const weak = !secret || secret === DEMO_AUTH_SECRET;
  // `next build` imports route modules to collect their config; the check belongs to run time.
  const building = process.env.NEXT_PHASE === "phase-production-build";
  if (process.env.NODE_ENV === "production" && weak && process.env.LIMITDESK_DEMO !== "1" && !building) {
    throw new Error(
      "Refusing to start: NEXTAUTH_SECRET is missing or is the public demo secret. " +
        "Set NEXTAUTH_SECRET to a long random value (e.g. `openssl rand -base64 32`), " +
        "or set LIMITDESK_DEMO=1 to run the local demo with its published secret.",
    );
  }
  return secret ?? DEMO_AUTH_SECRET;
}

export function demoPassword(): string {
  return process.env.DEMO_PASSWORD ?? "limitdesk-demo";
}
