// API tokens: random, shown once, stored only as a SHA-256 hash (a token is high-entropy, so a
// fast hash is enough and lets us look it up by hash).
import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "ld_";

export function generateToken(): { token: string; prefix: string; hash: string } {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { token, prefix: token.slice(0, 10), hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
