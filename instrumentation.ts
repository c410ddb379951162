// Runs once when the server starts: refuse to serve with an unsafe session secret.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { authSecret } = await import("./lib/env");
  try {
    authSecret();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
