import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authSecret, publicUrlIsHttps } from "@/lib/env";
import { clientAddress } from "@/lib/client-address";
import { authenticate } from "./authenticate";
import { findActiveUser } from "./data";
import { signOutEverywhere } from "./mutations";
import { safeRedirect } from "./safe-callback";
import { noteAuthorizeError } from "./throttle-signal";

export const SESSION_HOURS = 8;

/** The token names a user who is gone, inactive, or signed out since: the session is over. */
class RevokedSession extends Error {}

export const authOptions: NextAuthOptions = {
  // Read when a request needs it, never while `next build` imports this module.
  get secret() {
    return authSecret();
  },
  session: { strategy: "jwt", maxAge: SESSION_HOURS * 3600 },
  // next-auth would pick this from NEXTAUTH_URL too; explicit, because the cookie's Secure flag
  // must follow the public URL even when TLS ends at a proxy in front of the app.
  useSecureCookies: publicUrlIsHttps(),
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      authorize: async (credentials, req) => {
        try {
          return await authenticate(credentials, clientAddress(req?.headers));
        } catch (err) {
          noteAuthorizeError(err);
          throw err;
        }
      },
    }),
  ],
  callbacks: {
    // The token carries the user id and the user's session version. Every request re-reads the
    // user (getServerSession runs this callback), so sign-out, a role change or a deactivation
    // takes effect at once; a stale version ends the session (next-auth clears the cookie).
    async jwt({ token, user }) {
      if (user) {
        const u = user as unknown as { id: string; sessionVersion: number };
        return { ...token, uid: u.id, sv: u.sessionVersion };
      }
      const current = typeof token.uid === "string" ? await findActiveUser(token.uid) : null;
      if (!current || current.sessionVersion !== token.sv) throw new RevokedSession();
      return { ...token, role: current.role, actor: { id: current.id, email: current.email, name: current.name, role: current.role } };
    },
    session({ session, token }) {
      // The user as the database knows them now (the jwt callback above has just read them).
      const actor = token.actor as { id: string; email: string; name: string; role: string } | undefined;
      return actor ? { ...session, user: { ...session.user, ...actor } } : session;
    },
    redirect: ({ url, baseUrl }) => safeRedirect(url, baseUrl),
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.uid === "string") await signOutEverywhere(token.uid);
    },
  },
  logger: {
    error(code, metadata) {
      // A revoked or expired session is the normal end of a session, not a server error.
      if (code === "JWT_SESSION_ERROR") return;
      console.error(`[next-auth] ${code}`, metadata);
    },
    warn: (code) => console.warn(`[next-auth] ${code}`),
    debug: () => undefined,
  },
};
