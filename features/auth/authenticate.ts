import "server-only";
import bcrypt from "bcryptjs";
import { z } from "zod";
import { findUserByEmail, recentFailures } from "./data";
import { recordLoginAttempt } from "./mutations";
import { isThrottled, windowStart } from "./throttle";

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

export const THROTTLED_MESSAGE = "Too many failed attempts. Wait 15 minutes and try again.";

// A fixed hash to compare against when the e-mail is unknown, so a wrong e-mail and a wrong
// password take the same time and give the same answer (no user enumeration).
const DUMMY_HASH = bcrypt.hashSync("not-a-real-password", 10);

export type AuthenticatedUser = { id: string; email: string; name: string; role: string };

export async function authenticate(input: unknown, ip: string | null): Promise<AuthenticatedUser | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  if (isThrottled(await recentFailures(email, ip, windowStart(new Date())))) {
    await recordLoginAttempt("auth.login_throttled", email, null, ip);
    throw new Error(THROTTLED_MESSAGE);
  }
  const user = await findUserByEmail(email);
  const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || !user.active) {
    await recordLoginAttempt("auth.login_failed", email, null, ip);
    return null;
  }
  await recordLoginAttempt("auth.login", email, user, ip);
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
