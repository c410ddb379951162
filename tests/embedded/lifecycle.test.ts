// The embedded server's life, for real: initialise, attach from another process, refuse a second
// postmaster, survive kill -9, and the one-line messages for each broken setup. Ports 55431–55439.
import { execFile, execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig, readPidFile } from "@/lib/db/embedded-config";
import { messages } from "@/lib/db/embedded-messages";
import { ensureEmbeddedServer, stopPostmaster, type EmbeddedServer } from "@/lib/db/embedded";

const run = promisify(execFile);
let root: string;
const folder = (name: string) => path.join(root, name);

async function query(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), "limitdesk-lifecycle-"));
  chmodSync(root, 0o755);
});
afterAll(async () => {
  for (const name of ["main", "port", "stale", "race"]) await stopPostmaster(folder(name)).catch(() => undefined);
  rmSync(root, { recursive: true, force: true });
});

describe("embedded PostgreSQL lifecycle", () => {
  let server: EmbeddedServer;

  it("initialises a fresh folder with a random password kept in a 0600 file, and starts", async () => {
    server = await ensureEmbeddedServer({ dir: folder("main"), port: 55431 }); // durable: kill -9 below
    expect(server.owned).toBe(true);
    expect(server.port).toBe(55431);
    const file = path.join(folder("main"), "limitdesk.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readConfig(folder("main"))!.password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(await query(server.url, "SELECT current_database() AS db")).toEqual([{ db: "limitdesk" }]);
    // Password authentication: a wrong password is refused.
    const wrong = new URL(server.url);
    wrong.password = "not-the-password";
    await expect(query(wrong.toString(), "SELECT 1")).rejects.toThrow(/password authentication failed/);
  });

  it("lets a second process attach as a client and leaves the server running when it ends", async () => {
    const pid = readPidFile(folder("main"))!.pid;
    const { stdout } = await run("npm", ["run", "--silent", "db:migrate"], {
      env: { ...process.env, DATABASE_URL: "", LIMITDESK_PG_DIR: folder("main"), LIMITDESK_PG_PORT: "" },
    });
    expect(stdout).toContain(`embedded at ${folder("main")}`);
    expect(readPidFile(folder("main"))!.pid).toBe(pid);
    expect(await query(server.url, `SELECT count(*)::int AS n FROM "_prisma_migrations"`)).not.toEqual([{ n: 0 }]);
    const again = await ensureEmbeddedServer({ dir: folder("main") });
    expect(again.owned).toBe(false);
    expect(again.url).toBe(server.url);
  });

  it("never starts a second postmaster: a server that holds the folder but does not answer is named", async () => {
    const pid = readPidFile(folder("main"))!.pid;
    process.kill(pid, "SIGSTOP");
    try {
      await expect(ensureEmbeddedServer({ dir: folder("main") })).rejects.toThrow(
        messages.alreadyRunning({ dir: folder("main"), port: 55431 }, pid),
      );
    } finally {
      process.kill(pid, "SIGCONT");
    }
  });

  it("restarts after kill -9 of the postmaster with the committed data intact", async () => {
    await query(server.url, "CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");
    process.kill(readPidFile(folder("main"))!.pid, "SIGKILL");
    const restarted = await ensureEmbeddedServer({ dir: folder("main") });
    expect(restarted.owned).toBe(true);
    expect(await query(restarted.url, "SELECT v FROM kept")).toEqual([{ v: 42 }]);
    await restarted.release();
    expect(readPidFile(folder("main"))).toBeNull(); // a clean stop removes the pid file
  });

  it("initialises a fresh folder once when two start it at the same moment, and both get the server", async () => {
    const dir = folder("race");
    const [a, b] = await Promise.all([
      ensureEmbeddedServer({ dir, port: 55436, fsync: false }),
      ensureEmbeddedServer({ dir, port: 55436, fsync: false }),
    ]);
    expect([a.owned, b.owned].sort()).toEqual([false, true]);
    expect(a.url).toBe(b.url);
    await (a.owned ? a : b).release();
  });

  it("says when the port is in use by another program", async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(55432, "127.0.0.1", r));
    try {
      await expect(ensureEmbeddedServer({ dir: folder("port"), port: 55432, fsync: false })).rejects.toThrow(
        messages.portInUse({ dir: folder("port"), port: 55432 }),
      );
    } finally {
      blocker.close();
    }
  });

  it("says when postmaster.pid is stale (its PID is another program), and ignores one of a dead process", async () => {
    const dir = folder("stale");
    await (await ensureEmbeddedServer({ dir, port: 55433, fsync: false })).release();
    writeFileSync(path.join(dir, "postmaster.pid"), `${process.pid}\n${dir}\n0\n55433\n\n127.0.0.1\n0 0\nready\n`);
    await expect(ensureEmbeddedServer({ dir, port: 55433, fsync: false })).rejects.toThrow(
      messages.stalePid({ dir, port: 55433 }, process.pid, "node"),
    );
    writeFileSync(path.join(dir, "postmaster.pid"), `999999\n${dir}\n0\n55433\n\n127.0.0.1\n0 0\nready\n`);
    const s = await ensureEmbeddedServer({ dir, port: 55433, fsync: false });
    expect(s.owned).toBe(true);
    await s.release();
  });

  it("refuses a data folder of another major version and a folder that is not a data directory", async () => {
    const old = folder("pg16");
    mkdirSync(old);
    writeFileSync(path.join(old, "PG_VERSION"), "16\n");
    await expect(ensureEmbeddedServer({ dir: old, port: 55434 })).rejects.toThrow(messages.otherMajor({ dir: old, port: 0 }, 16));
    const foreign = folder("foreign");
    mkdirSync(foreign);
    writeFileSync(path.join(foreign, "notes.txt"), "not a database");
    await expect(ensureEmbeddedServer({ dir: foreign, port: 55434 })).rejects.toThrow(messages.notDataDir({ dir: foreign, port: 0 }));
  });

  it("says when the disk is full (a 4 MB tmpfs)", async (ctx) => {
    const mnt = folder("tiny");
    mkdirSync(mnt);
    try {
      execFileSync("mount", ["-t", "tmpfs", "-o", "size=4m,mode=0755", "tmpfs", mnt], { stdio: "ignore" });
    } catch {
      ctx.skip("cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN)");
    }
    try {
      const dir = path.join(mnt, "pg");
      await expect(ensureEmbeddedServer({ dir, port: 55435, fsync: false })).rejects.toThrow(messages.diskFull({ dir, port: 55435 }));
    } finally {
      execFileSync("umount", [mnt]);
    }
  });
});
