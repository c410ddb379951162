// Refuse to serve with an unsafe session secret (see lib/env.ts).
import { authSecret } from "./lib/env";

try {
  authSecret();
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
