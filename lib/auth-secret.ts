// The secret that signs session tokens. A published secret lets anyone forge a session for any
// user id (the audit trail shows them), so a secret is never taken from the repository:
// NEXTAUTH_SECRET when set (refused if it is short, the old demo value, or written in any file
// of the project), otherwise a random secret made for this installation on first start and kept
// in the data folder (`.data/auth-secret`, mode 0600, git-ignored).
import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The value that earlier versions accepted under LIMITDESK_DEMO=1: refused everywhere now. */
export const DEMO_AUTH_SECRET = "limitdesk-demo-secret-do-not-use-in-production";
export const MIN_SECRET_LENGTH = 32;

const SKIP_DIRS = new Set(["node_modules", ".next", ".data", ".git", "generated", "test-results", "playwright-report", "bench-results"]);

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.LIMITDESK_DATA_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), ".data"));
}

/**
 * Whether `secret` is written in any source, config or data file under `root`. Git-ignored
 * places (dependencies, builds, the data folder, `.env*` files, where a real secret belongs)
 * are not the repository and are skipped.
 */
export function secretInRepository(secret: string, root: string): string | null {
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) stack.push(full);
      } else if (entry.isFile() && !entry.name.startsWith(".env") && statSync(full).size < 20_000_000 && readFileSync(full, "latin1").includes(secret)) {
        return path.relative(root, full);
      }
    }
  }
  return null;
}

/** Why a configured secret is refused, or null when it is acceptable. */
export function secretProblem(secret: string, root = process.cwd()): string | null {
  if (secret.length < MIN_SECRET_LENGTH) return `it is shorter than ${MIN_SECRET_LENGTH} characters`;
  if (secret === DEMO_AUTH_SECRET) return "it is the published demo secret";
  const file = secretInRepository(secret, root);
  return file ? `it is written in the repository (${file})` : null;
}

/** Reads the installation's secret, creating it (atomically, 0600) when there is none yet. */
export function installationSecret(dir = dataDir()): string {
  const file = path.join(dir, "auth-secret");
  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600, flag: "wx" });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600); // never readable by others
  const secret = readFileSync(file, "utf8").trim();
  if (secret.length < MIN_SECRET_LENGTH) throw new Error(`Refusing to start: ${file} holds no usable secret; delete it to make a new one.`);
  return secret;
}

const cache = globalThis as typeof globalThis & { __limitDeskAuthSecret?: string };

export function authSecret(): string {
  if (cache.__limitDeskAuthSecret) return cache.__limitDeskAuthSecret;
  // `next build` imports route modules to collect their config and signs nothing: it needs no
  // secret, and must not create one in the build machine's data folder.
  if (process.env.NEXT_PHASE === "phase-production-build") return randomBytes(48).toString("base64url");
  const configured = process.env.NEXTAUTH_SECRET;
  let secret: string;
  if (configured) {
    const problem = secretProblem(configured);
    if (problem) throw new Error(`Refusing to start: NEXTAUTH_SECRET is unsafe (${problem}). Set a long random value (e.g. \`openssl rand -base64 32\`) or unset it to use the installation's own secret.`);
    secret = configured;
  } else {
    secret = installationSecret();
  }
  cache.__limitDeskAuthSecret = secret;
  return secret;
}
