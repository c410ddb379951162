import "server-only";
import bcrypt from "bcryptjs";
import { z } from "zod";
import { findUserByEmail } from "./data";
import { recordLogin, recordLoginFailure, refundAttempt, reserveAttempt } from "./mutations";
import { throttledMessage } from "./throttle";

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

/** Thrown by `authenticate` when the attempt was not evaluated; the route answers 429. */
export class ThrottledError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(throttledMessage(retryAfterSeconds));
  }
}

// A fixed hash to compare against when the e-mail is unknown, so a wrong e-mail and a wrong
// password take the same time and give the same answer (no user enumeration).
const DUMMY_HASH = bcrypt.hashSync("not-a-real-password", 10);

export type AuthenticatedUser = { id: string; email: string; name: string; role: string; sessionVersion: number };

/** Checks a log-in; `address` is the validated client address (lib/client-address.ts). */
export async function authenticate(input: unknown, address: string | null): Promise<AuthenticatedUser | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const decision = await reserveAttempt(email, address);
  if (!decision.allowed) {
    await recordLoginFailure(email, address, "THROTTLED");
    throw new ThrottledError(decision.retryAfterSeconds);
  }
  const user = await findUserByEmail(email);
  const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || !user.active) {
    await recordLoginFailure(email, address, "BAD_CREDENTIALS");
    return null;
  }
  await refundAttempt(email, address);
  await recordLogin(user, address);
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}
