import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { authOptions } from "./options";
import { can, type Permission } from "./permissions";

export type Actor = { id: string; email: string; name: string; role: string };

/**
 * The signed-in user as the database knows them now, or null. getServerSession runs the jwt
 * callback (options.ts), which re-reads the user and refuses a revoked session version.
 */
export async function getActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  const user = session?.user as Partial<Actor> | undefined;
  if (!user?.id || !user.email || !user.role) return null;
  return { id: user.id, email: user.email, name: user.name ?? user.email, role: user.role };
}

/** For pages: log-in page when signed out, 403 page when the role lacks the permission. */
export async function requirePagePermission(permission: Permission, returnTo: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!can(actor.role, permission)) forbidden();
  return actor;
}
