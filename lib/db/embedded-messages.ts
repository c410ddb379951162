// Turns what PostgreSQL (or the folder) says into one line that names the cause and the fix.
import { EMBEDDED_PG_MAJOR } from "./embedded-config";

export class EmbeddedPgError extends Error {
  override name = "EmbeddedPgError";
}

export type FailureContext = { dir: string; port: number };

export const messages = {
  portInUse: ({ port }: FailureContext) =>
    `Embedded PostgreSQL cannot listen on 127.0.0.1:${port}: the port is in use by another program. Stop it or start with LIMITDESK_PG_PORT=<free port>.`,
  alreadyRunning: ({ dir }: FailureContext, pid: number | null) =>
    `Another PostgreSQL server${pid ? ` (PID ${pid})` : ""} already runs on ${dir} and does not answer: stop it (kill -INT ${pid ?? "<pid>"}) before starting a second one.`,
  stalePid: ({ dir }: FailureContext, pid: number, command: string) =>
    `Stale ${dir}/postmaster.pid: PID ${pid} is "${command}", not PostgreSQL (left by a crash). Make sure no PostgreSQL uses this folder, then delete that file.`,
  otherMajor: ({ dir }: FailureContext, major: number) =>
    `${dir} holds a PostgreSQL ${major} database; the embedded server is PostgreSQL ${EMBEDDED_PG_MAJOR}. Move the folder away (dump and restore it with PostgreSQL ${major}) or set LIMITDESK_PG_DIR to another folder.`,
  diskFull: ({ dir }: FailureContext) =>
    `Disk full: PostgreSQL could not write to ${dir} (No space left on device). Free some space, then start again.`,
  notDataDir: ({ dir }: FailureContext) =>
    `${dir} is not a PostgreSQL data directory (no PG_VERSION) and not empty: point LIMITDESK_PG_DIR at an empty or missing folder.`,
  notOurs: ({ dir }: FailureContext) =>
    `${dir} is a PostgreSQL data directory without limitdesk.json (not created by Limit Desk, or its creation was interrupted): delete it if it is a fresh folder, or set LIMITDESK_PG_DIR to another one.`,
};

/** The one-line reason for a failed initdb/postgres start, read from its output; null if unknown. */
export function explainFailure(output: string, ctx: FailureContext): string | null {
  if (/No space left on device/i.test(output)) return messages.diskFull(ctx);
  if (/could not bind .*Address already in use|could not create any TCP\/IP sockets/i.test(output)) return messages.portInUse(ctx);
  const lock = /lock file "postmaster\.pid" already exists[\s\S]*?PID (\d+)/.exec(output);
  if (lock || /lock file "postmaster\.pid" already exists/.test(output)) return messages.alreadyRunning(ctx, lock ? Number(lock[1]) : null);
  const major = /initialized by PostgreSQL version (\d+)/.exec(output);
  if (major) return messages.otherMajor(ctx, Number(major[1]));
  if (/is not a valid data directory|could not find the database system|PG_VERSION" is missing/.test(output)) return messages.notDataDir(ctx);
  return null;
}

/** The last meaningful line of a server log, for failures nothing above recognises. */
export function lastLogLine(output: string): string {
  const lines = output.split("\n").map((l) => l.trim()).filter(Boolean);
  const fatal = lines.filter((l) => /FATAL|PANIC|ERROR|initdb: error/.test(l)).pop();
  return fatal ?? lines.pop() ?? "(no output)";
}
