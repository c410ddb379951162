import { describe, expect, it } from "vitest";
import { explainFailure, lastLogLine, messages } from "./embedded-messages";

const ctx = { dir: "/app/.data/pg", port: 55431 };
// Lines as PostgreSQL 17 writes them (lc_messages=C).
const LOG = {
  port: `LOG:  could not bind IPv4 address "127.0.0.1": Address already in use\nHINT:  Is another postmaster already running on port 55431? If not, wait a few seconds and retry.\nWARNING:  could not create listen socket for "127.0.0.1"\nFATAL:  could not create any TCP/IP sockets`,
  lock: `FATAL:  lock file "postmaster.pid" already exists\nHINT:  Is another postmaster (PID 31337) running in data directory "/app/.data/pg"?`,
  major: `FATAL:  database files are incompatible with server\nDETAIL:  The data directory was initialized by PostgreSQL version 16, which is not compatible with this version 17.0.`,
  disk: `FATAL:  could not write to file "pg_wal/xlogtemp.123": No space left on device`,
  notData: `postgres: could not find the database system\nExpected to find it in the directory "/app/.data/pg",\nbut could not open file "/app/.data/pg/global/pg_control": No such file or directory`,
  invalid: `FATAL:  "/app/.data/pg" is not a valid data directory\nDETAIL:  File "/app/.data/pg/PG_VERSION" is missing.`,
};

describe("embedded PostgreSQL failure messages", () => {
  it("maps each known refusal to one line naming cause and fix", () => {
    expect(explainFailure(LOG.port, ctx)).toBe(messages.portInUse(ctx));
    expect(messages.portInUse(ctx)).toContain("127.0.0.1:55431");
    expect(messages.portInUse(ctx)).toContain("LIMITDESK_PG_PORT");
    expect(explainFailure(LOG.lock, ctx)).toBe(messages.alreadyRunning(ctx, 31337));
    expect(messages.alreadyRunning(ctx, 31337)).toContain("(PID 31337) already runs on /app/.data/pg");
    expect(explainFailure(LOG.major, ctx)).toBe(messages.otherMajor(ctx, 16));
    expect(messages.otherMajor(ctx, 16)).toContain("PostgreSQL 16 database; the embedded server is PostgreSQL 17");
    expect(explainFailure(LOG.disk, ctx)).toBe(messages.diskFull(ctx));
    expect(explainFailure(LOG.invalid, ctx)).toBe(messages.notDataDir(ctx));
    expect(explainFailure(LOG.notData, ctx)).toBe(messages.notDataDir(ctx));
  });

  it("gives every message as a single line", () => {
    const all = [
      messages.portInUse(ctx), messages.alreadyRunning(ctx, null), messages.stalePid(ctx, 7, "node"),
      messages.otherMajor(ctx, 15), messages.diskFull(ctx), messages.notDataDir(ctx), messages.notOurs(ctx),
    ];
    for (const m of all) expect(m).not.toContain("\n");
  });

  it("disk full wins over whatever else the log says", () => {
    expect(explainFailure(`${LOG.port}\n${LOG.disk}`, ctx)).toBe(messages.diskFull(ctx));
  });

  it("falls back to the last FATAL line for anything unknown", () => {
    expect(explainFailure("FATAL:  something new", ctx)).toBeNull();
    expect(lastLogLine("LOG:  a\nFATAL:  the reason\nLOG:  shutting down\n")).toBe("FATAL:  the reason");
    expect(lastLogLine("")).toBe("(no output)");
  });
});
